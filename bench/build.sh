#!/usr/bin/env bash
# Builds the benchmark corpus on a fresh machine (Debian 12 + Node >= 20), offline once the
# packages are installed:
#   1. the C, C++ and Rust programs (regex, UAP) from source: fixtures/build.sh, which installs
#      Debian's toolchains and crate sources with apt-get (skip with BENCH_SKIP_FIXTURES=1 to use
#      the committed fixtures/wasm/*.wasm);
#   2. /usr/bin/time (Debian's `time`) for peak memory;
#   3. our library (lib/, `tsc`);
#   4. the StarlingMonkey input: componentize-js (npm) run once with a recording stand-in for its
#      Wizer binary (bench/starlingmonkey/prepare.mjs); the module and the invocation go to
#      bench/.work/starlingmonkey/, never committed;
#   5. the ruby.wasm input: npm @ruby/3.4-wasm-wasi's ruby+stdlib.wasm with a `wizer-initialize`
#      export spliced in (bench/ruby/prepare.mjs), to bench/.work/ruby/, never committed;
#   6. the batch corpus of 100 small modules (bench/batch.mjs --prepare).
# Then: npm run bench
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
cd "$root"

sudo=()
if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi

if [ "${BENCH_SKIP_FIXTURES:-}" != 1 ]; then
  fixtures/build.sh
fi

if [ ! -x /usr/bin/time ]; then
  "${sudo[@]}" apt-get update
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y time
fi

if [ ! -d node_modules ]; then npm install --no-audit --no-fund; fi
# componentize-js is not a dependency of the project (it brings its own engine and Wizer):
# installed for the benchmark only, with the preview2 shim it imports without declaring.
if ! node -e "import('@bytecodealliance/componentize-js').then(() => process.exit(0), () => process.exit(1))" 2>/dev/null; then
  npm install --no-save @bytecodealliance/componentize-js@0.22.0 @bytecodealliance/preview2-shim
fi

npx tsc -p tsconfig.json
node bench/starlingmonkey/prepare.mjs
node bench/ruby/prepare.mjs
node bench/batch.mjs --prepare
echo "corpus ready: npm run bench"
