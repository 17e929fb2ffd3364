// Stub for binaryen (13 MB): the action does not offer the engine's optimize option.
const unavailable = () => {
  throw new Error('Binaryen is not bundled with the action: use the preinit CLI to optimize');
};
export default new Proxy({}, { get: unavailable });
