// Stub for oxc-minify (a native binding ncc cannot bundle). The engine never minifies.
export async function minify() {
  throw new Error('oxc-minify is not included in this bundle');
}
export function minifySync() {
  throw new Error('oxc-minify is not included in this bundle');
}
