/** This package's version (package.json's; a test and the release script keep them equal). */
export const VERSION = '0.1.0';
