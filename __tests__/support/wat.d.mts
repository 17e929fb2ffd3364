/** Types for wat.mjs. */
export const ALL_FEATURES: Record<string, boolean>;
export function watCompiler(features?: Record<string, boolean>): Promise<(text: string, names?: boolean) => Uint8Array>;
