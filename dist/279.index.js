export const id = 279;
export const ids = [279];
export const modules = {

/***/ 43879:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CALL_MASK: () => (/* binding */ CALL_MASK),
/* harmony export */   CALL_SHIFT: () => (/* binding */ CALL_SHIFT),
/* harmony export */   CALL_TYPE_MASK: () => (/* binding */ CALL_TYPE_MASK),
/* harmony export */   CLOCKS: () => (/* binding */ CLOCKS),
/* harmony export */   CLOCKS_DURATION_SUBSCRIBE: () => (/* binding */ CLOCKS_DURATION_SUBSCRIBE),
/* harmony export */   CLOCKS_INSTANT_SUBSCRIBE: () => (/* binding */ CLOCKS_INSTANT_SUBSCRIBE),
/* harmony export */   FILE: () => (/* binding */ FILE),
/* harmony export */   FILESYSTEM_DESCRIPTOR_ADVISE: () => (/* binding */ FILESYSTEM_DESCRIPTOR_ADVISE),
/* harmony export */   FILESYSTEM_DESCRIPTOR_CLOSE: () => (/* binding */ FILESYSTEM_DESCRIPTOR_CLOSE),
/* harmony export */   FILESYSTEM_DESCRIPTOR_GET_TYPE: () => (/* binding */ FILESYSTEM_DESCRIPTOR_GET_TYPE),
/* harmony export */   FILESYSTEM_DESCRIPTOR_METADATA_HASH: () => (/* binding */ FILESYSTEM_DESCRIPTOR_METADATA_HASH),
/* harmony export */   FILESYSTEM_DESCRIPTOR_OPEN: () => (/* binding */ FILESYSTEM_DESCRIPTOR_OPEN),
/* harmony export */   FILESYSTEM_DESCRIPTOR_READ: () => (/* binding */ FILESYSTEM_DESCRIPTOR_READ),
/* harmony export */   FILESYSTEM_DESCRIPTOR_SET_SIZE: () => (/* binding */ FILESYSTEM_DESCRIPTOR_SET_SIZE),
/* harmony export */   FILESYSTEM_DESCRIPTOR_SET_TIMES: () => (/* binding */ FILESYSTEM_DESCRIPTOR_SET_TIMES),
/* harmony export */   FILESYSTEM_DESCRIPTOR_STAT: () => (/* binding */ FILESYSTEM_DESCRIPTOR_STAT),
/* harmony export */   FILESYSTEM_DESCRIPTOR_SYNC: () => (/* binding */ FILESYSTEM_DESCRIPTOR_SYNC),
/* harmony export */   FILESYSTEM_DESCRIPTOR_SYNC_DATA: () => (/* binding */ FILESYSTEM_DESCRIPTOR_SYNC_DATA),
/* harmony export */   FILESYSTEM_DESCRIPTOR_WRITE: () => (/* binding */ FILESYSTEM_DESCRIPTOR_WRITE),
/* harmony export */   FUTURE_DISPOSE: () => (/* binding */ FUTURE_DISPOSE),
/* harmony export */   FUTURE_SUBSCRIBE: () => (/* binding */ FUTURE_SUBSCRIBE),
/* harmony export */   FUTURE_TAKE_VALUE: () => (/* binding */ FUTURE_TAKE_VALUE),
/* harmony export */   HTTP: () => (/* binding */ HTTP),
/* harmony export */   HTTP_CREATE_REQUEST: () => (/* binding */ HTTP_CREATE_REQUEST),
/* harmony export */   HTTP_OUTGOING_BODY_DISPOSE: () => (/* binding */ HTTP_OUTGOING_BODY_DISPOSE),
/* harmony export */   HTTP_OUTPUT_STREAM_FINISH: () => (/* binding */ HTTP_OUTPUT_STREAM_FINISH),
/* harmony export */   HTTP_SERVER_CLEAR_OUTGOING_RESPONSE: () => (/* binding */ HTTP_SERVER_CLEAR_OUTGOING_RESPONSE),
/* harmony export */   HTTP_SERVER_GET_ADDRESS: () => (/* binding */ HTTP_SERVER_GET_ADDRESS),
/* harmony export */   HTTP_SERVER_INCOMING_HANDLER: () => (/* binding */ HTTP_SERVER_INCOMING_HANDLER),
/* harmony export */   HTTP_SERVER_SET_OUTGOING_RESPONSE: () => (/* binding */ HTTP_SERVER_SET_OUTGOING_RESPONSE),
/* harmony export */   HTTP_SERVER_START: () => (/* binding */ HTTP_SERVER_START),
/* harmony export */   HTTP_SERVER_STOP: () => (/* binding */ HTTP_SERVER_STOP),
/* harmony export */   INPUT_STREAM_BLOCKING_READ: () => (/* binding */ INPUT_STREAM_BLOCKING_READ),
/* harmony export */   INPUT_STREAM_BLOCKING_SKIP: () => (/* binding */ INPUT_STREAM_BLOCKING_SKIP),
/* harmony export */   INPUT_STREAM_CREATE: () => (/* binding */ INPUT_STREAM_CREATE),
/* harmony export */   INPUT_STREAM_DISPOSE: () => (/* binding */ INPUT_STREAM_DISPOSE),
/* harmony export */   INPUT_STREAM_READ: () => (/* binding */ INPUT_STREAM_READ),
/* harmony export */   INPUT_STREAM_SKIP: () => (/* binding */ INPUT_STREAM_SKIP),
/* harmony export */   INPUT_STREAM_SUBSCRIBE: () => (/* binding */ INPUT_STREAM_SUBSCRIBE),
/* harmony export */   OUTPUT_STREAM_BLOCKING_FLUSH: () => (/* binding */ OUTPUT_STREAM_BLOCKING_FLUSH),
/* harmony export */   OUTPUT_STREAM_BLOCKING_SPLICE: () => (/* binding */ OUTPUT_STREAM_BLOCKING_SPLICE),
/* harmony export */   OUTPUT_STREAM_BLOCKING_WRITE_AND_FLUSH: () => (/* binding */ OUTPUT_STREAM_BLOCKING_WRITE_AND_FLUSH),
/* harmony export */   OUTPUT_STREAM_BLOCKING_WRITE_ZEROES_AND_FLUSH: () => (/* binding */ OUTPUT_STREAM_BLOCKING_WRITE_ZEROES_AND_FLUSH),
/* harmony export */   OUTPUT_STREAM_CHECK_WRITE: () => (/* binding */ OUTPUT_STREAM_CHECK_WRITE),
/* harmony export */   OUTPUT_STREAM_CREATE: () => (/* binding */ OUTPUT_STREAM_CREATE),
/* harmony export */   OUTPUT_STREAM_DISPOSE: () => (/* binding */ OUTPUT_STREAM_DISPOSE),
/* harmony export */   OUTPUT_STREAM_FLUSH: () => (/* binding */ OUTPUT_STREAM_FLUSH),
/* harmony export */   OUTPUT_STREAM_GET_TOTAL_BYTES: () => (/* binding */ OUTPUT_STREAM_GET_TOTAL_BYTES),
/* harmony export */   OUTPUT_STREAM_SPLICE: () => (/* binding */ OUTPUT_STREAM_SPLICE),
/* harmony export */   OUTPUT_STREAM_SUBSCRIBE: () => (/* binding */ OUTPUT_STREAM_SUBSCRIBE),
/* harmony export */   OUTPUT_STREAM_WRITE: () => (/* binding */ OUTPUT_STREAM_WRITE),
/* harmony export */   OUTPUT_STREAM_WRITE_ZEROES: () => (/* binding */ OUTPUT_STREAM_WRITE_ZEROES),
/* harmony export */   POLL_POLLABLE_BLOCK: () => (/* binding */ POLL_POLLABLE_BLOCK),
/* harmony export */   POLL_POLLABLE_DISPOSE: () => (/* binding */ POLL_POLLABLE_DISPOSE),
/* harmony export */   POLL_POLLABLE_READY: () => (/* binding */ POLL_POLLABLE_READY),
/* harmony export */   POLL_POLL_LIST: () => (/* binding */ POLL_POLL_LIST),
/* harmony export */   SOCKET_DATAGRAM_STREAM_DISPOSE: () => (/* binding */ SOCKET_DATAGRAM_STREAM_DISPOSE),
/* harmony export */   SOCKET_DATAGRAM_STREAM_SUBSCRIBE: () => (/* binding */ SOCKET_DATAGRAM_STREAM_SUBSCRIBE),
/* harmony export */   SOCKET_GET_DEFAULT_RECEIVE_BUFFER_SIZE: () => (/* binding */ SOCKET_GET_DEFAULT_RECEIVE_BUFFER_SIZE),
/* harmony export */   SOCKET_GET_DEFAULT_SEND_BUFFER_SIZE: () => (/* binding */ SOCKET_GET_DEFAULT_SEND_BUFFER_SIZE),
/* harmony export */   SOCKET_INCOMING_DATAGRAM_STREAM_RECEIVE: () => (/* binding */ SOCKET_INCOMING_DATAGRAM_STREAM_RECEIVE),
/* harmony export */   SOCKET_OUTGOING_DATAGRAM_STREAM_CHECK_SEND: () => (/* binding */ SOCKET_OUTGOING_DATAGRAM_STREAM_CHECK_SEND),
/* harmony export */   SOCKET_OUTGOING_DATAGRAM_STREAM_SEND: () => (/* binding */ SOCKET_OUTGOING_DATAGRAM_STREAM_SEND),
/* harmony export */   SOCKET_RESOLVE_ADDRESS_CREATE_REQUEST: () => (/* binding */ SOCKET_RESOLVE_ADDRESS_CREATE_REQUEST),
/* harmony export */   SOCKET_RESOLVE_ADDRESS_DISPOSE_REQUEST: () => (/* binding */ SOCKET_RESOLVE_ADDRESS_DISPOSE_REQUEST),
/* harmony export */   SOCKET_RESOLVE_ADDRESS_SUBSCRIBE_REQUEST: () => (/* binding */ SOCKET_RESOLVE_ADDRESS_SUBSCRIBE_REQUEST),
/* harmony export */   SOCKET_RESOLVE_ADDRESS_TAKE_REQUEST: () => (/* binding */ SOCKET_RESOLVE_ADDRESS_TAKE_REQUEST),
/* harmony export */   SOCKET_TCP: () => (/* binding */ SOCKET_TCP),
/* harmony export */   SOCKET_TCP_ACCEPT: () => (/* binding */ SOCKET_TCP_ACCEPT),
/* harmony export */   SOCKET_TCP_BIND_FINISH: () => (/* binding */ SOCKET_TCP_BIND_FINISH),
/* harmony export */   SOCKET_TCP_BIND_START: () => (/* binding */ SOCKET_TCP_BIND_START),
/* harmony export */   SOCKET_TCP_CONNECT_FINISH: () => (/* binding */ SOCKET_TCP_CONNECT_FINISH),
/* harmony export */   SOCKET_TCP_CONNECT_START: () => (/* binding */ SOCKET_TCP_CONNECT_START),
/* harmony export */   SOCKET_TCP_CREATE_HANDLE: () => (/* binding */ SOCKET_TCP_CREATE_HANDLE),
/* harmony export */   SOCKET_TCP_DISPOSE: () => (/* binding */ SOCKET_TCP_DISPOSE),
/* harmony export */   SOCKET_TCP_GET_LOCAL_ADDRESS: () => (/* binding */ SOCKET_TCP_GET_LOCAL_ADDRESS),
/* harmony export */   SOCKET_TCP_GET_REMOTE_ADDRESS: () => (/* binding */ SOCKET_TCP_GET_REMOTE_ADDRESS),
/* harmony export */   SOCKET_TCP_IS_LISTENING: () => (/* binding */ SOCKET_TCP_IS_LISTENING),
/* harmony export */   SOCKET_TCP_LISTEN_FINISH: () => (/* binding */ SOCKET_TCP_LISTEN_FINISH),
/* harmony export */   SOCKET_TCP_LISTEN_START: () => (/* binding */ SOCKET_TCP_LISTEN_START),
/* harmony export */   SOCKET_TCP_SET_KEEP_ALIVE: () => (/* binding */ SOCKET_TCP_SET_KEEP_ALIVE),
/* harmony export */   SOCKET_TCP_SET_LISTEN_BACKLOG_SIZE: () => (/* binding */ SOCKET_TCP_SET_LISTEN_BACKLOG_SIZE),
/* harmony export */   SOCKET_TCP_SHUTDOWN: () => (/* binding */ SOCKET_TCP_SHUTDOWN),
/* harmony export */   SOCKET_TCP_SUBSCRIBE: () => (/* binding */ SOCKET_TCP_SUBSCRIBE),
/* harmony export */   SOCKET_UDP: () => (/* binding */ SOCKET_UDP),
/* harmony export */   SOCKET_UDP_BIND_FINISH: () => (/* binding */ SOCKET_UDP_BIND_FINISH),
/* harmony export */   SOCKET_UDP_BIND_START: () => (/* binding */ SOCKET_UDP_BIND_START),
/* harmony export */   SOCKET_UDP_CREATE_HANDLE: () => (/* binding */ SOCKET_UDP_CREATE_HANDLE),
/* harmony export */   SOCKET_UDP_DISPOSE: () => (/* binding */ SOCKET_UDP_DISPOSE),
/* harmony export */   SOCKET_UDP_GET_LOCAL_ADDRESS: () => (/* binding */ SOCKET_UDP_GET_LOCAL_ADDRESS),
/* harmony export */   SOCKET_UDP_GET_RECEIVE_BUFFER_SIZE: () => (/* binding */ SOCKET_UDP_GET_RECEIVE_BUFFER_SIZE),
/* harmony export */   SOCKET_UDP_GET_REMOTE_ADDRESS: () => (/* binding */ SOCKET_UDP_GET_REMOTE_ADDRESS),
/* harmony export */   SOCKET_UDP_GET_SEND_BUFFER_SIZE: () => (/* binding */ SOCKET_UDP_GET_SEND_BUFFER_SIZE),
/* harmony export */   SOCKET_UDP_GET_UNICAST_HOP_LIMIT: () => (/* binding */ SOCKET_UDP_GET_UNICAST_HOP_LIMIT),
/* harmony export */   SOCKET_UDP_SET_RECEIVE_BUFFER_SIZE: () => (/* binding */ SOCKET_UDP_SET_RECEIVE_BUFFER_SIZE),
/* harmony export */   SOCKET_UDP_SET_SEND_BUFFER_SIZE: () => (/* binding */ SOCKET_UDP_SET_SEND_BUFFER_SIZE),
/* harmony export */   SOCKET_UDP_SET_UNICAST_HOP_LIMIT: () => (/* binding */ SOCKET_UDP_SET_UNICAST_HOP_LIMIT),
/* harmony export */   SOCKET_UDP_STREAM: () => (/* binding */ SOCKET_UDP_STREAM),
/* harmony export */   SOCKET_UDP_SUBSCRIBE: () => (/* binding */ SOCKET_UDP_SUBSCRIBE),
/* harmony export */   STDERR: () => (/* binding */ STDERR),
/* harmony export */   STDIN: () => (/* binding */ STDIN),
/* harmony export */   STDOUT: () => (/* binding */ STDOUT),
/* harmony export */   WORKER_EXTENSION_CALL: () => (/* binding */ WORKER_EXTENSION_CALL),
/* harmony export */   reverseMap: () => (/* binding */ reverseMap)
/* harmony export */ });
/* harmony import */ var _calls_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(43879);
let call_id = 0;
// Call is a 32 bit integer, leading 8 bits are call number, trailing 24 bits allow custom call types
const CALL_MASK = 0xff000000;
const CALL_TYPE_MASK = 0x00ffffff;
const CALL_SHIFT = 24;
// Type indiciator for generic Stream, Future, and Poll calls
let cnt = 0;
const STDIN = ++cnt;
const STDOUT = ++cnt;
const STDERR = ++cnt;
const FILE = ++cnt;
const HTTP = ++cnt;
const SOCKET_TCP = ++cnt;
const SOCKET_UDP = ++cnt;
const CLOCKS = ++cnt;
// Io Input Stream
const INPUT_STREAM_CREATE = ++call_id << CALL_SHIFT;
const INPUT_STREAM_READ = ++call_id << CALL_SHIFT;
const INPUT_STREAM_BLOCKING_READ = ++call_id << CALL_SHIFT;
const INPUT_STREAM_SKIP = ++call_id << CALL_SHIFT;
const INPUT_STREAM_BLOCKING_SKIP = ++call_id << CALL_SHIFT;
const INPUT_STREAM_SUBSCRIBE = ++call_id << CALL_SHIFT;
const INPUT_STREAM_DISPOSE = ++call_id << CALL_SHIFT;
// Io Output Stream
const OUTPUT_STREAM_CREATE = ++call_id << CALL_SHIFT;
const OUTPUT_STREAM_CHECK_WRITE = ++call_id << CALL_SHIFT;
const OUTPUT_STREAM_WRITE = ++call_id << CALL_SHIFT;
const OUTPUT_STREAM_BLOCKING_WRITE_AND_FLUSH = ++call_id << CALL_SHIFT;
const OUTPUT_STREAM_FLUSH = ++call_id << CALL_SHIFT;
const OUTPUT_STREAM_BLOCKING_FLUSH = ++call_id << CALL_SHIFT;
const OUTPUT_STREAM_WRITE_ZEROES = ++call_id << CALL_SHIFT;
const OUTPUT_STREAM_BLOCKING_WRITE_ZEROES_AND_FLUSH = ++call_id << CALL_SHIFT;
const OUTPUT_STREAM_SPLICE = ++call_id << CALL_SHIFT;
const OUTPUT_STREAM_BLOCKING_SPLICE = ++call_id << CALL_SHIFT;
const OUTPUT_STREAM_SUBSCRIBE = ++call_id << CALL_SHIFT;
const OUTPUT_STREAM_DISPOSE = ++call_id << CALL_SHIFT;
const OUTPUT_STREAM_GET_TOTAL_BYTES = ++call_id << CALL_SHIFT;
// Filesystem descriptors
const FILESYSTEM_DESCRIPTOR_OPEN = ++call_id << CALL_SHIFT;
const FILESYSTEM_DESCRIPTOR_CLOSE = ++call_id << CALL_SHIFT;
const FILESYSTEM_DESCRIPTOR_ADVISE = ++call_id << CALL_SHIFT;
const FILESYSTEM_DESCRIPTOR_SYNC_DATA = ++call_id << CALL_SHIFT;
const FILESYSTEM_DESCRIPTOR_GET_TYPE = ++call_id << CALL_SHIFT;
const FILESYSTEM_DESCRIPTOR_SET_SIZE = ++call_id << CALL_SHIFT;
const FILESYSTEM_DESCRIPTOR_SET_TIMES = ++call_id << CALL_SHIFT;
const FILESYSTEM_DESCRIPTOR_READ = ++call_id << CALL_SHIFT;
const FILESYSTEM_DESCRIPTOR_WRITE = ++call_id << CALL_SHIFT;
const FILESYSTEM_DESCRIPTOR_SYNC = ++call_id << CALL_SHIFT;
const FILESYSTEM_DESCRIPTOR_STAT = ++call_id << CALL_SHIFT;
const FILESYSTEM_DESCRIPTOR_METADATA_HASH = ++call_id << CALL_SHIFT;
// Io Poll
const POLL_POLLABLE_READY = ++call_id << CALL_SHIFT;
const POLL_POLLABLE_BLOCK = ++call_id << CALL_SHIFT;
const POLL_POLLABLE_DISPOSE = ++call_id << CALL_SHIFT;
const POLL_POLL_LIST = ++call_id << CALL_SHIFT;
// Futures
const FUTURE_DISPOSE = ++call_id << CALL_SHIFT;
const FUTURE_TAKE_VALUE = ++call_id << CALL_SHIFT;
const FUTURE_SUBSCRIBE = ++call_id << CALL_SHIFT;
// Http
const HTTP_CREATE_REQUEST = ++call_id << 24;
const HTTP_OUTPUT_STREAM_FINISH = ++call_id << CALL_SHIFT;
// Http server
const HTTP_SERVER_START = ++call_id << CALL_SHIFT;
const HTTP_SERVER_STOP = ++call_id << CALL_SHIFT;
const HTTP_SERVER_INCOMING_HANDLER = ++call_id << CALL_SHIFT;
const HTTP_SERVER_SET_OUTGOING_RESPONSE = ++call_id << CALL_SHIFT;
const HTTP_SERVER_CLEAR_OUTGOING_RESPONSE = ++call_id << CALL_SHIFT;
const HTTP_SERVER_GET_ADDRESS = ++call_id << CALL_SHIFT;
const HTTP_OUTGOING_BODY_DISPOSE = ++call_id << CALL_SHIFT;
// Clocks
const CLOCKS_DURATION_SUBSCRIBE = ++call_id << CALL_SHIFT;
const CLOCKS_INSTANT_SUBSCRIBE = ++call_id << CALL_SHIFT;
// Sockets
// Tcp
const SOCKET_TCP_CREATE_HANDLE = ++call_id << CALL_SHIFT;
const SOCKET_TCP_BIND_START = ++call_id << CALL_SHIFT;
const SOCKET_TCP_BIND_FINISH = ++call_id << CALL_SHIFT;
const SOCKET_TCP_CONNECT_START = ++call_id << CALL_SHIFT;
const SOCKET_TCP_CONNECT_FINISH = ++call_id << CALL_SHIFT;
const SOCKET_TCP_SUBSCRIBE = ++call_id << CALL_SHIFT;
const SOCKET_TCP_LISTEN_START = ++call_id << CALL_SHIFT;
const SOCKET_TCP_LISTEN_FINISH = ++call_id << CALL_SHIFT;
const SOCKET_TCP_IS_LISTENING = ++call_id << CALL_SHIFT;
const SOCKET_TCP_ACCEPT = ++call_id << CALL_SHIFT;
const SOCKET_TCP_GET_LOCAL_ADDRESS = ++call_id << CALL_SHIFT;
const SOCKET_TCP_GET_REMOTE_ADDRESS = ++call_id << CALL_SHIFT;
const SOCKET_TCP_SET_KEEP_ALIVE = ++call_id << CALL_SHIFT;
const SOCKET_TCP_SET_LISTEN_BACKLOG_SIZE = ++call_id << CALL_SHIFT;
const SOCKET_TCP_SHUTDOWN = ++call_id << CALL_SHIFT;
const SOCKET_TCP_DISPOSE = ++call_id << CALL_SHIFT;
// Udp
const SOCKET_UDP_CREATE_HANDLE = ++call_id << CALL_SHIFT;
const SOCKET_UDP_BIND_START = ++call_id << CALL_SHIFT;
const SOCKET_UDP_BIND_FINISH = ++call_id << CALL_SHIFT;
const SOCKET_UDP_STREAM = ++call_id << CALL_SHIFT;
const SOCKET_UDP_SUBSCRIBE = ++call_id << CALL_SHIFT;
const SOCKET_UDP_DISPOSE = ++call_id << CALL_SHIFT;
const SOCKET_UDP_GET_LOCAL_ADDRESS = ++call_id << CALL_SHIFT;
const SOCKET_UDP_GET_RECEIVE_BUFFER_SIZE = ++call_id << CALL_SHIFT;
const SOCKET_UDP_GET_REMOTE_ADDRESS = ++call_id << CALL_SHIFT;
const SOCKET_UDP_GET_SEND_BUFFER_SIZE = ++call_id << CALL_SHIFT;
const SOCKET_UDP_GET_UNICAST_HOP_LIMIT = ++call_id << CALL_SHIFT;
const SOCKET_UDP_SET_RECEIVE_BUFFER_SIZE = ++call_id << CALL_SHIFT;
const SOCKET_UDP_SET_SEND_BUFFER_SIZE = ++call_id << CALL_SHIFT;
const SOCKET_UDP_SET_UNICAST_HOP_LIMIT = ++call_id << CALL_SHIFT;
const SOCKET_INCOMING_DATAGRAM_STREAM_RECEIVE = ++call_id << CALL_SHIFT;
const SOCKET_OUTGOING_DATAGRAM_STREAM_CHECK_SEND = ++call_id << CALL_SHIFT;
const SOCKET_OUTGOING_DATAGRAM_STREAM_SEND = ++call_id << CALL_SHIFT;
const SOCKET_DATAGRAM_STREAM_SUBSCRIBE = ++call_id << CALL_SHIFT;
const SOCKET_DATAGRAM_STREAM_DISPOSE = ++call_id << CALL_SHIFT;
const SOCKET_GET_DEFAULT_SEND_BUFFER_SIZE = ++call_id << CALL_SHIFT;
const SOCKET_GET_DEFAULT_RECEIVE_BUFFER_SIZE = ++call_id << CALL_SHIFT;
// Name lookup
const SOCKET_RESOLVE_ADDRESS_CREATE_REQUEST = ++call_id << CALL_SHIFT;
const SOCKET_RESOLVE_ADDRESS_TAKE_REQUEST = ++call_id << CALL_SHIFT;
const SOCKET_RESOLVE_ADDRESS_SUBSCRIBE_REQUEST = ++call_id << CALL_SHIFT;
const SOCKET_RESOLVE_ADDRESS_DISPOSE_REQUEST = ++call_id << CALL_SHIFT;
// Host extensions execute alongside the streams they operate on.
const WORKER_EXTENSION_CALL = ++call_id << CALL_SHIFT;
const reverseMap = {};

for (const name of Object.getOwnPropertyNames(_calls_js__WEBPACK_IMPORTED_MODULE_0__)) {
    if (name === "reverseMap") {
        continue;
    }
    reverseMap[_calls_js__WEBPACK_IMPORTED_MODULE_0__[name]] = name;
}


/***/ }),

/***/ 17578:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Gi: () => (/* binding */ createPoll),
  LJ: () => (/* binding */ earlyDispose),
  z3: () => (/* binding */ error),
  XK: () => (/* binding */ inputStreamCreate),
  Lx: () => (/* binding */ ioCall),
  Cs: () => (/* binding */ outputStreamCreate),
  wt: () => (/* binding */ poll),
  _K: () => (/* binding */ pollableCreate),
  DX: () => (/* binding */ registerDispose),
  oN: () => (/* binding */ registerIncomingHttpHandler),
  oS: () => (/* binding */ streams)
});

// UNUSED EXPORTS: createPollLower, inputStreamId, outputStreamId

// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(75919);
;// CONCATENATED MODULE: ./node_modules/@bytecodealliance/preview2-shim/dist/synckit/index.js
// Based on: https://github.com/un-ts/synckit
/*
  MIT License

  Copyright (c) 2021 UnTS

  Permission is hereby granted, free of charge, to any person obtaining a copy
  of this software and associated documentation files (the "Software"), to deal
  in the Software without restriction, including without limitation the rights
  to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
  copies of the Software, and to permit persons to whom the Software is
  furnished to do so, subject to the following conditions:

  The above copyright notice and this permission notice shall be included in all
  copies or substantial portions of the Software.

  THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
  IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
  FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
  AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
  LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
  OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
  SOFTWARE.
*/

const DEFAULT_WORKER_BUFFER_SIZE = 1024;
function extractProperties(object) {
    if (object && typeof object === "object") {
        const properties = {};
        for (const key in object) {
            properties[key] = object[key];
        }
        return properties;
    }
}
const CALL_TIMEOUT = undefined;
function createSyncFn(createWorker, debug, callbackHandler) {
    const { port1: mainPort, port2: workerPort } = new external_node_worker_threads_.MessageChannel();
    const worker = createWorker({
        workerData: { workerPort, debug },
        transferList: [workerPort],
        execArgv: [],
    });
    worker.on("message", ({ type, id, payload }) => {
        if (!type) {
            throw new Error("Internal error: Expected a type of a worker callback");
        }
        callbackHandler(type, id, payload);
    });
    let nextID = 0;
    const syncFn = (...args) => {
        const cid = nextID++;
        const sharedBuffer = new SharedArrayBuffer(DEFAULT_WORKER_BUFFER_SIZE);
        const sharedBufferView = new Int32Array(sharedBuffer);
        const msg = { sharedBuffer, cid, args };
        worker.postMessage(msg);
        const status = Atomics.wait(sharedBufferView, 0, 0, CALL_TIMEOUT);
        if (!["ok", "not-equal"].includes(status)) {
            throw new Error("Internal error: Atomics.wait() failed: " + status);
        }
        const { cid: cid2, result, error, properties, } = (0,external_node_worker_threads_.receiveMessageOnPort)(mainPort)?.message ?? {};
        if (cid !== cid2) {
            throw new Error(`Internal error: Expected id ${cid} but got id ${cid2}`);
        }
        if (error) {
            if (error instanceof Error) {
                throw Object.assign(error, properties);
            }
            throw error;
        }
        return result;
    };
    if (worker.unref) {
        worker.unref();
    }
    return syncFn;
}
function runAsWorker(fn) {
    if (!workerData) {
        return;
    }
    const { workerPort, debug } = workerData;
    try {
        parentPort?.on("message", ({ sharedBuffer, cid, args }) => {
            (async () => {
                const sharedBufferView = new Int32Array(sharedBuffer);
                let msg;
                try {
                    msg = { cid, result: await fn(...args) };
                }
                catch (error) {
                    msg = { cid, error, properties: extractProperties(error) };
                }
                workerPort.postMessage(msg);
                Atomics.add(sharedBufferView, 0, 1);
                Atomics.notify(sharedBufferView, 0);
            })();
        });
    }
    catch (error) {
        parentPort?.on("message", ({ sharedBuffer, cid }) => {
            const sharedBufferView = new Int32Array(sharedBuffer);
            workerPort.postMessage({
                cid,
                error,
                properties: extractProperties(error),
            });
            Atomics.add(sharedBufferView, 0, 1);
            Atomics.notify(sharedBufferView, 0);
        });
    }
    return debug;
}

// EXTERNAL MODULE: ./node_modules/@bytecodealliance/preview2-shim/dist/io/calls.js
var calls = __webpack_require__(43879);
// EXTERNAL MODULE: external "node:process"
var external_node_process_ = __webpack_require__(1708);
;// CONCATENATED MODULE: ./node_modules/@bytecodealliance/preview2-shim/dist/io/worker-io.js




const symbolDispose = Symbol.dispose || Symbol.for("dispose");
const _rawDebug = "_rawDebug" in external_node_process_
    ? external_node_process_._rawDebug
    : console.error.bind(console);
const httpIncomingHandlers = new Map();
function registerIncomingHttpHandler(id, handler) {
    httpIncomingHandlers.set(id, handler);
}
const instanceId = Math.round(Math.random() * 1000).toString();
const DEBUG_DEFAULT = false;
const DEBUG = external_node_process_.env.PREVIEW2_SHIM_DEBUG === "0"
    ? false
    : external_node_process_.env.PREVIEW2_SHIM_DEBUG === "1"
        ? true
        : DEBUG_DEFAULT;
/**
 * @type {(call: number, id: number | null, payload: any) -> any}
 */
let ioCall = createSyncFn((options) => new external_node_worker_threads_.Worker(__webpack_require__.ab + "worker-thread.bundle.js", options), DEBUG, (type, id, payload) => {
    // 'callbacks' from the worker
    // ONLY happens for an http server incoming handler, and NOTHING else (not even sockets, since accept is sync!)
    if (type !== calls.HTTP_SERVER_INCOMING_HANDLER) {
        throw new Error("Internal error: only incoming handler callback is permitted");
    }
    const handler = httpIncomingHandlers.get(id);
    if (!handler) {
        throw new Error(`Internal error: no incoming handler registered for server ${id}`);
    }
    handler(payload);
});
if (DEBUG) {
    const _ioCall = ioCall;
    ioCall = function ioCall(num, id, payload) {
        if (typeof id !== "number" && id !== null) {
            throw new Error("id must be a number or null");
        }
        let ret;
        try {
            _rawDebug(instanceId, calls.reverseMap[num & calls.CALL_MASK], calls.reverseMap[num & calls.CALL_TYPE_MASK], id, payload);
            ret = _ioCall(num, id, payload);
            return ret;
        }
        catch (e) {
            ret = e;
            throw ret;
        }
        finally {
            _rawDebug(instanceId, "->", ret);
        }
    };
}
const finalizationRegistry = new FinalizationRegistry((dispose) => void dispose());
const dummySymbol = Symbol();
function registerDispose(resource, parentResource, id, disposeFn) {
    // While strictly speaking all components should handle their disposal,
    // this acts as a last-resort to catch all missed drops through the JS GC.
    // Mainly for two cases - (1) components which are long lived, that get shut
    // down and (2) users that interface with low-level WASI APIs directly in JS
    // for various reasons may end up leaning on JS GC inadvertantly.
    function finalizer() {
        // This has no functional purpose other than to pin a strong reference
        // from the child resource's finalizer to the parent resource, to ensure
        // that we can never finalize a parent resource before a child resource.
        // This makes the generational JS GC become piecewise over child resource
        // graphs (generational at each resource hierarchy level at least).
        if (parentResource?.[dummySymbol]) {
            return;
        }
        disposeFn(id);
    }
    finalizationRegistry.register(resource, finalizer, finalizer);
    return finalizer;
}
function earlyDispose(finalizer) {
    finalizationRegistry.unregister(finalizer);
    finalizer();
}
const _Error = Error;
const IoError = class Error extends _Error {
    payload;
    constructor(payload) {
        super(payload);
        this.payload = payload;
    }
    toDebugString() {
        return this.message;
    }
};
function streamIoErrorCall(call, id, payload) {
    try {
        return ioCall(call, id, payload);
    }
    catch (e) {
        if (e.tag === "closed") {
            throw e;
        }
        if (e.tag === "last-operation-failed") {
            e.val = new IoError(Object.assign(new Error(e.val.message), e.val));
            throw e;
        }
        // any invalid error is a trap
        console.trace(e);
        (0,external_node_process_.exit)(1);
    }
}
class InputStream {
    #id;
    #streamType;
    #finalizer;
    read(len) {
        return streamIoErrorCall(calls.INPUT_STREAM_READ | this.#streamType, this.#id, len);
    }
    blockingRead(len) {
        return streamIoErrorCall(calls.INPUT_STREAM_BLOCKING_READ | this.#streamType, this.#id, len);
    }
    skip(len) {
        return streamIoErrorCall(calls.INPUT_STREAM_SKIP | this.#streamType, this.#id, len);
    }
    blockingSkip(len) {
        return streamIoErrorCall(calls.INPUT_STREAM_BLOCKING_SKIP | this.#streamType, this.#id, len);
    }
    subscribe() {
        return pollableCreate(ioCall(calls.INPUT_STREAM_SUBSCRIBE | this.#streamType, this.#id), this);
    }
    static _id(stream) {
        return stream.#id;
    }
    /**
     * @param {FILE | SOCKET_TCP | STDIN | HTTP} streamType
     */
    static _create(streamType, id) {
        const stream = new InputStream();
        stream.#id = id;
        stream.#streamType = streamType;
        let disposeFn;
        switch (streamType) {
            case calls.FILE:
                disposeFn = fileInputStreamDispose;
                break;
            case calls.SOCKET_TCP:
                disposeFn = socketTcpInputStreamDispose;
                break;
            case calls.STDIN:
                disposeFn = stdinInputStreamDispose;
                break;
            case calls.HTTP:
                disposeFn = httpInputStreamDispose;
                break;
            default:
                throw new Error("wasi-io trap: Dispose function not created for stream type " +
                    calls.reverseMap[streamType]);
        }
        stream.#finalizer = registerDispose(stream, null, id, disposeFn);
        return stream;
    }
    [symbolDispose]() {
        if (this.#finalizer) {
            earlyDispose(this.#finalizer);
            this.#finalizer = null;
        }
    }
}
function fileInputStreamDispose(id) {
    ioCall(calls.INPUT_STREAM_DISPOSE | calls.FILE, id, null);
}
function socketTcpInputStreamDispose(id) {
    ioCall(calls.INPUT_STREAM_DISPOSE | calls.SOCKET_TCP, id, null);
}
function stdinInputStreamDispose(id) {
    ioCall(calls.INPUT_STREAM_DISPOSE | calls.STDIN, id, null);
}
function httpInputStreamDispose(id) {
    ioCall(calls.INPUT_STREAM_DISPOSE | calls.HTTP, id, null);
}
const inputStreamCreate = InputStream._create;
// @ts-expect-error - Deleting static method
delete InputStream._create;
const inputStreamId = InputStream._id;
// @ts-expect-error - Deleting static method
delete InputStream._id;
class OutputStream {
    #id;
    #streamType;
    #finalizer;
    checkWrite() {
        return streamIoErrorCall(calls.OUTPUT_STREAM_CHECK_WRITE | this.#streamType, this.#id, null);
    }
    write(buf) {
        if (this.#streamType <= calls.STDERR) {
            return this.blockingWriteAndFlush(buf);
        }
        return streamIoErrorCall(calls.OUTPUT_STREAM_WRITE | this.#streamType, this.#id, buf);
    }
    blockingWriteAndFlush(buf) {
        if (this.#streamType <= calls.STDERR) {
            const stream = this.#streamType === calls.STDERR ? external_node_process_.stderr : external_node_process_.stdout;
            return void stream.write(buf);
        }
        return streamIoErrorCall(calls.OUTPUT_STREAM_BLOCKING_WRITE_AND_FLUSH | this.#streamType, this.#id, buf);
    }
    flush() {
        return streamIoErrorCall(calls.OUTPUT_STREAM_FLUSH | this.#streamType, this.#id, undefined);
    }
    blockingFlush() {
        return streamIoErrorCall(calls.OUTPUT_STREAM_BLOCKING_FLUSH | this.#streamType, this.#id, undefined);
    }
    writeZeroes(len) {
        return streamIoErrorCall(calls.OUTPUT_STREAM_WRITE_ZEROES | this.#streamType, this.#id, len);
    }
    blockingWriteZeroesAndFlush(len) {
        return streamIoErrorCall(calls.OUTPUT_STREAM_BLOCKING_WRITE_ZEROES_AND_FLUSH | this.#streamType, this.#id, len);
    }
    splice(src, len) {
        return streamIoErrorCall(calls.OUTPUT_STREAM_SPLICE | this.#streamType, this.#id, {
            src: src.#id,
            len,
        });
    }
    blockingSplice(src, len) {
        return streamIoErrorCall(calls.OUTPUT_STREAM_BLOCKING_SPLICE | this.#streamType, this.#id, {
            src: inputStreamId(src),
            len,
        });
    }
    subscribe() {
        return pollableCreate(ioCall(calls.OUTPUT_STREAM_SUBSCRIBE | this.#streamType, this.#id), undefined);
    }
    static _id(outputStream) {
        return outputStream.#id;
    }
    /**
     * @param {OutputStreamType} streamType
     * @param {any} createPayload
     */
    static _create(streamType, id) {
        const stream = new OutputStream();
        stream.#id = id;
        stream.#streamType = streamType;
        let disposeFn;
        switch (streamType) {
            case calls.STDOUT:
                disposeFn = stdoutOutputStreamDispose;
                break;
            case calls.STDERR:
                disposeFn = stderrOutputStreamDispose;
                break;
            case calls.SOCKET_TCP:
                disposeFn = socketTcpOutputStreamDispose;
                break;
            case calls.FILE:
                disposeFn = fileOutputStreamDispose;
                break;
            case calls.HTTP:
                return stream;
            default:
                throw new Error("wasi-io trap: Dispose function not created for stream type " +
                    calls.reverseMap[streamType]);
        }
        stream.#finalizer = registerDispose(stream, null, id, disposeFn);
        return stream;
    }
    [symbolDispose]() {
        if (this.#finalizer) {
            earlyDispose(this.#finalizer);
            this.#finalizer = null;
        }
    }
}
function stdoutOutputStreamDispose(id) {
    ioCall(calls.OUTPUT_STREAM_DISPOSE | calls.STDOUT, id);
}
function stderrOutputStreamDispose(id) {
    ioCall(calls.OUTPUT_STREAM_DISPOSE | calls.STDERR, id);
}
function socketTcpOutputStreamDispose(id) {
    ioCall(calls.OUTPUT_STREAM_DISPOSE | calls.SOCKET_TCP, id);
}
function fileOutputStreamDispose(id) {
    ioCall(calls.OUTPUT_STREAM_DISPOSE | calls.FILE, id);
}
const outputStreamCreate = OutputStream._create;
// @ts-expect-error - Deleting static method
delete OutputStream._create;
const outputStreamId = OutputStream._id;
// @ts-expect-error - Deleting static method
delete OutputStream._id;
const error = { Error: IoError };
const streams = { InputStream, OutputStream };
function pollableDispose(id) {
    ioCall(calls.POLL_POLLABLE_DISPOSE, id);
}
const rep = Symbol.for("cabiRep");
class Pollable {
    #finalizer;
    ready() {
        return ioCall(calls.POLL_POLLABLE_READY, this[rep]);
    }
    block() {
        ioCall(calls.POLL_POLLABLE_BLOCK, this[rep]);
    }
    static _create(id, parent) {
        const pollable = new Pollable();
        pollable[rep] = id;
        pollable.#finalizer = registerDispose(pollable, parent, id, pollableDispose);
        return pollable;
    }
    [symbolDispose]() {
        if (this.#finalizer && this[rep]) {
            earlyDispose(this.#finalizer);
            this.#finalizer = null;
        }
    }
}
const cabiLowerSymbol = Symbol.for("cabiLower");
const T_FLAG = 1 << 30;
Pollable.prototype.ready[cabiLowerSymbol] = function ({ resourceTables: [table] }) {
    return function pollableReady(handle) {
        const rep = table[(handle << 1) + 1] & ~T_FLAG;
        const ready = ioCall(calls.POLL_POLLABLE_READY, rep);
        return ready ? 1 : 0;
    };
};
Pollable.prototype.block[cabiLowerSymbol] = function ({ resourceTables: [table] }) {
    return function pollableBlock(handle) {
        const rep = table[(handle << 1) + 1] & ~T_FLAG;
        ioCall(calls.POLL_POLLABLE_BLOCK, rep);
    };
};
Pollable[Symbol.for("cabiDispose")] = function pollableDispose(rep) {
    ioCall(calls.POLL_POLLABLE_DISPOSE, rep);
};
const pollableCreate = Pollable._create;
// @ts-expect-error - Deleting static method
delete Pollable._create;
const poll = {
    Pollable,
    poll(list) {
        return ioCall(calls.POLL_POLL_LIST, null, list.map((pollable) => pollable[rep]));
    },
};
poll.poll[cabiLowerSymbol] = function ({ memory, realloc, resourceTables: [table] }) {
    return function pollPollList(listPtr, len, retptr) {
        const handleList = new Uint32Array(memory.buffer, listPtr, len);
        const repList = Array(len);
        for (let i = 0; i < len; i++) {
            const handle = handleList[i];
            repList[i] = table[(handle << 1) + 1] & ~T_FLAG;
        }
        const result = ioCall(calls.POLL_POLL_LIST, null, repList);
        const ptr = realloc(0, 0, 4, result.byteLength);
        const out = new Uint32Array(memory.buffer, ptr, result.length);
        out.set(result);
        const ret = new Uint32Array(memory.buffer, retptr, 2);
        ret[0] = ptr;
        ret[1] = result.length;
        return retptr;
    };
};
function createPoll(call, id, initPayload) {
    return pollableCreate(ioCall(call, id, initPayload), undefined);
}
function createPollLower(call, id, table) {
    return function (initPayload) {
        const rep = ioCall(call, id, initPayload);
        const free = table[0] & ~T_FLAG;
        if (free === 0) {
            table.push(0);
            table.push(rep | T_FLAG);
            return (table.length >> 1) - 1;
        }
        table[0] = table[free << 1];
        table[free << 1] = 0;
        table[(free << 1) + 1] = rep | T_FLAG;
        return free;
    };
}


/***/ }),

/***/ 47515:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _appendEnv: () => (/* binding */ _appendEnv),
/* harmony export */   _setArgs: () => (/* binding */ _setArgs),
/* harmony export */   _setCwd: () => (/* binding */ _setCwd),
/* harmony export */   _setEnv: () => (/* binding */ _setEnv),
/* harmony export */   _setStderr: () => (/* binding */ _setStderr),
/* harmony export */   _setStdin: () => (/* binding */ _setStdin),
/* harmony export */   _setStdout: () => (/* binding */ _setStdout),
/* harmony export */   _setTerminalStderr: () => (/* binding */ _setTerminalStderr),
/* harmony export */   _setTerminalStdin: () => (/* binding */ _setTerminalStdin),
/* harmony export */   _setTerminalStdout: () => (/* binding */ _setTerminalStdout),
/* harmony export */   environment: () => (/* binding */ environment),
/* harmony export */   exit: () => (/* binding */ exit),
/* harmony export */   stderr: () => (/* binding */ stderr),
/* harmony export */   stdin: () => (/* binding */ stdin),
/* harmony export */   stdout: () => (/* binding */ stdout),
/* harmony export */   terminalInput: () => (/* binding */ terminalInput),
/* harmony export */   terminalOutput: () => (/* binding */ terminalOutput),
/* harmony export */   terminalStderr: () => (/* binding */ terminalStderr),
/* harmony export */   terminalStdin: () => (/* binding */ terminalStdin),
/* harmony export */   terminalStdout: () => (/* binding */ terminalStdout)
/* harmony export */ });
/* harmony import */ var node_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1708);
/* harmony import */ var _io_worker_io_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17578);
/* harmony import */ var _io_calls_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(43879);



const _appendEnv = (env) => {
    void (_env = [..._env.filter(([curKey]) => !(curKey in env)), ...Object.entries(env)]);
};
const _setEnv = (env) => void (_env = Object.entries(env));
const _setArgs = (args) => void (_args = args);
const _setCwd = (cwd) => void (_cwd = cwd);
const _setStdin = (stdin) => void (stdinStream = stdin);
const _setStdout = (stdout) => void (stdoutStream = stdout);
const _setStderr = (stderr) => void (stderrStream = stderr);
const _setTerminalStdin = (terminalStdin) => void (terminalStdinInstance = terminalStdin);
const _setTerminalStdout = (terminalStdout) => void (terminalStdoutInstance = terminalStdout);
const _setTerminalStderr = (terminalStderr) => void (terminalStderrInstance = terminalStderr);
let _env = Object.entries(node_process__WEBPACK_IMPORTED_MODULE_0__.env), _args = node_process__WEBPACK_IMPORTED_MODULE_0__.argv.slice(1), _cwd = (0,node_process__WEBPACK_IMPORTED_MODULE_0__.cwd)();
const environment = {
    getEnvironment() {
        return _env;
    },
    getArguments() {
        return _args;
    },
    initialCwd() {
        return _cwd;
    },
};
const exit = {
    exit(status) {
        node_process__WEBPACK_IMPORTED_MODULE_0__.exit(status.tag === "err" ? 1 : 0);
    },
    // @ts-expect-error - Available only wasi-cli v0.2.12
    exitWithCode(code) {
        node_process__WEBPACK_IMPORTED_MODULE_0__.exit(code);
    },
};
// Stdin is created as a FILE descriptor
let stdinStream;
let stdoutStream = (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_1__/* .outputStreamCreate */ .Cs)(_io_calls_js__WEBPACK_IMPORTED_MODULE_2__.STDOUT, 1);
let stderrStream = (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_1__/* .outputStreamCreate */ .Cs)(_io_calls_js__WEBPACK_IMPORTED_MODULE_2__.STDERR, 2);
const stdin = {
    getStdin() {
        if (!stdinStream) {
            stdinStream = (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_1__/* .inputStreamCreate */ .XK)(_io_calls_js__WEBPACK_IMPORTED_MODULE_2__.STDIN, (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_1__/* .ioCall */ .Lx)(_io_calls_js__WEBPACK_IMPORTED_MODULE_2__.INPUT_STREAM_CREATE | _io_calls_js__WEBPACK_IMPORTED_MODULE_2__.STDIN, null, null));
        }
        return stdinStream;
    },
};
const stdout = {
    getStdout() {
        return stdoutStream;
    },
};
const stderr = {
    getStderr() {
        return stderrStream;
    },
};
class TerminalInput {
}
class TerminalOutput {
}
let terminalStdoutInstance = new TerminalOutput();
let terminalStderrInstance = new TerminalOutput();
let terminalStdinInstance = new TerminalInput();
const terminalInput = {
    TerminalInput,
};
const terminalOutput = {
    TerminalOutput,
};
const terminalStdin = {
    getTerminalStdin() {
        return terminalStdinInstance;
    },
};
const terminalStdout = {
    getTerminalStdout() {
        return terminalStdoutInstance;
    },
};
const terminalStderr = {
    getTerminalStderr() {
        return terminalStderrInstance;
    },
};


/***/ }),

/***/ 59174:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _addPreopen: () => (/* binding */ _addPreopen),
/* harmony export */   _clearPreopens: () => (/* binding */ _clearPreopens),
/* harmony export */   _createPreopenDescriptor: () => (/* binding */ _createPreopenDescriptor),
/* harmony export */   _getPreopens: () => (/* binding */ _getPreopens),
/* harmony export */   _setPreopens: () => (/* binding */ _setPreopens),
/* harmony export */   createFilesystem: () => (/* binding */ createFilesystem),
/* harmony export */   preopens: () => (/* binding */ preopens),
/* harmony export */   types: () => (/* binding */ types)
/* harmony export */ });
/* harmony import */ var _io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17578);
/* harmony import */ var _io_calls_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(43879);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_process__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1708);





const symbolDispose = Symbol.dispose || Symbol.for("dispose");
const isWindows = node_process__WEBPACK_IMPORTED_MODULE_4__.platform === "win32";
const isMac = node_process__WEBPACK_IMPORTED_MODULE_4__.platform === "darwin";
const hostPath = isWindows ? node_path__WEBPACK_IMPORTED_MODULE_3__.win32 : node_path__WEBPACK_IMPORTED_MODULE_3__.posix;
const MAX_SYMLINKS = 40;
function normalizeHostPath(path) {
    return isWindows ? path.replace(/\\/g, "/") : path;
}
const nsMagnitude = 1000000000n;
function nsToDateTime(ns) {
    const seconds = ns / nsMagnitude;
    const nanoseconds = Number(ns % nsMagnitude);
    return { seconds, nanoseconds };
}
function lookupType(obj) {
    if (obj.isFile()) {
        return "regular-file";
    }
    else if (obj.isSocket()) {
        return "socket";
    }
    else if (obj.isSymbolicLink()) {
        return "symbolic-link";
    }
    else if (obj.isFIFO()) {
        return "fifo";
    }
    else if (obj.isDirectory()) {
        return "directory";
    }
    else if (obj.isCharacterDevice()) {
        return "character-device";
    }
    else if (obj.isBlockDevice()) {
        return "block-device";
    }
    return "unknown";
}
function closeFileResource(id) {
    (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__/* .ioCall */ .Lx)(_io_calls_js__WEBPACK_IMPORTED_MODULE_1__.FILESYSTEM_DESCRIPTOR_CLOSE, id);
}
// Note: This should implement per-segment semantics of openAt, but we cannot
//       currently due to the lack of support for openat() in Node.js.
//       Tracking issue: https://github.com/libuv/libuv/issues/4167
/**
 * @implements {DescriptorProps}
 */
class Descriptor {
    #hostPreopen;
    #fileResourceId;
    #finalizer;
    #mode;
    #fullPath;
    _id = 0;
    static _createPreopen(hostPreopen) {
        const descriptor = new Descriptor();
        descriptor.#hostPreopen = hostPreopen.endsWith("/")
            ? hostPreopen.slice(0, -1) || "/"
            : hostPreopen;
        // Windows requires UNC paths at minimum
        if (isWindows) {
            descriptor.#hostPreopen = descriptor.#hostPreopen.replace(/\\/g, "/");
            if (descriptor.#hostPreopen === "/") {
                descriptor.#hostPreopen = "//";
            }
        }
        return descriptor;
    }
    static _create(fileResourceId, mode, fullPath) {
        const descriptor = new Descriptor();
        descriptor.#fileResourceId = fileResourceId;
        descriptor.#finalizer = (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__/* .registerDispose */ .DX)(descriptor, null, fileResourceId, closeFileResource);
        descriptor.#mode = mode;
        descriptor.#fullPath = fullPath;
        return descriptor;
    }
    [symbolDispose]() {
        if (this.#finalizer) {
            (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__/* .earlyDispose */ .LJ)(this.#finalizer);
            this.#finalizer = null;
        }
    }
    readViaStream(offset) {
        if (this.#hostPreopen) {
            throw "is-directory";
        }
        return (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__/* .inputStreamCreate */ .XK)(_io_calls_js__WEBPACK_IMPORTED_MODULE_1__.FILE, (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__/* .ioCall */ .Lx)(_io_calls_js__WEBPACK_IMPORTED_MODULE_1__.INPUT_STREAM_CREATE | _io_calls_js__WEBPACK_IMPORTED_MODULE_1__.FILE, null, {
            descriptorId: this.#fileResourceId,
            offset,
        }));
    }
    writeViaStream(offset) {
        if (this.#hostPreopen) {
            throw "is-directory";
        }
        return (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__/* .outputStreamCreate */ .Cs)(_io_calls_js__WEBPACK_IMPORTED_MODULE_1__.FILE, (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__/* .ioCall */ .Lx)(_io_calls_js__WEBPACK_IMPORTED_MODULE_1__.OUTPUT_STREAM_CREATE | _io_calls_js__WEBPACK_IMPORTED_MODULE_1__.FILE, null, {
            descriptorId: this.#fileResourceId,
            offset,
        }));
    }
    appendViaStream() {
        return this.writeViaStream(this.stat().size);
    }
    advise(offset, length, advice) {
        if (this.getType() === "directory") {
            throw "bad-descriptor";
        }
        try {
            (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__/* .ioCall */ .Lx)(_io_calls_js__WEBPACK_IMPORTED_MODULE_1__.FILESYSTEM_DESCRIPTOR_ADVISE, this.#fileResourceId, {
                offset,
                length,
                advice,
            });
        }
        catch (e) {
            throw convertFsError(e);
        }
    }
    syncData() {
        if (this.#hostPreopen) {
            throw "invalid";
        }
        try {
            (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__/* .ioCall */ .Lx)(_io_calls_js__WEBPACK_IMPORTED_MODULE_1__.FILESYSTEM_DESCRIPTOR_SYNC_DATA, this.#fileResourceId);
        }
        catch (e) {
            if (e.code === "EPERM") {
                return;
            }
            throw convertFsError(e);
        }
    }
    getFlags() {
        return this.#mode;
    }
    getType() {
        if (this.#hostPreopen) {
            return "directory";
        }
        return (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__/* .ioCall */ .Lx)(_io_calls_js__WEBPACK_IMPORTED_MODULE_1__.FILESYSTEM_DESCRIPTOR_GET_TYPE, this.#fileResourceId);
    }
    setSize(size) {
        if (this.#hostPreopen) {
            throw "is-directory";
        }
        try {
            (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__/* .ioCall */ .Lx)(_io_calls_js__WEBPACK_IMPORTED_MODULE_1__.FILESYSTEM_DESCRIPTOR_SET_SIZE, this.#fileResourceId, Number(size));
        }
        catch (e) {
            if (isWindows && e.code === "EPERM") {
                throw "access";
            }
            throw convertFsError(e);
        }
    }
    setTimes(dataAccessTimestamp, dataModificationTimestamp) {
        if (this.#hostPreopen) {
            throw "invalid";
        }
        let stats;
        if (dataAccessTimestamp.tag === "no-change" ||
            dataModificationTimestamp.tag === "no-change") {
            stats = this.stat();
        }
        const atime = this.#getNewTimestamp(dataAccessTimestamp, dataAccessTimestamp.tag === "no-change" && stats.dataAccessTimestamp);
        const mtime = this.#getNewTimestamp(dataModificationTimestamp, dataModificationTimestamp.tag === "no-change" && stats.dataModificationTimestamp);
        try {
            (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__/* .ioCall */ .Lx)(_io_calls_js__WEBPACK_IMPORTED_MODULE_1__.FILESYSTEM_DESCRIPTOR_SET_TIMES, this.#fileResourceId, { atime, mtime });
        }
        catch (e) {
            throw convertFsError(e);
        }
    }
    #getNewTimestamp(newTimestamp, maybeNow) {
        switch (newTimestamp.tag) {
            case "no-change":
                return timestampToMs(maybeNow);
            case "timestamp":
                return timestampToMs(newTimestamp.val);
            default:
                return Math.floor(Date.now() / 1e3);
        }
    }
    read(length, offset) {
        if (!this.#fullPath) {
            throw "bad-descriptor";
        }
        const { bytes, eof } = (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__/* .ioCall */ .Lx)(_io_calls_js__WEBPACK_IMPORTED_MODULE_1__.FILESYSTEM_DESCRIPTOR_READ, this.#fileResourceId, {
            length: Number(length),
            offset: Number(offset),
        });
        return [bytes, eof];
    }
    write(buffer, offset) {
        if (!this.#fullPath) {
            throw "bad-descriptor";
        }
        return BigInt((0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__/* .ioCall */ .Lx)(_io_calls_js__WEBPACK_IMPORTED_MODULE_1__.FILESYSTEM_DESCRIPTOR_WRITE, this.#fileResourceId, {
            buffer,
            offset: Number(offset),
        }));
    }
    readDirectory() {
        if (!this.#fullPath) {
            throw "bad-descriptor";
        }
        try {
            const dir = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.opendirSync)(this.#fullPath);
            return directoryEntryStreamCreate(dir);
        }
        catch (e) {
            throw convertFsError(e);
        }
    }
    sync() {
        if (this.#hostPreopen) {
            throw "invalid";
        }
        try {
            (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__/* .ioCall */ .Lx)(_io_calls_js__WEBPACK_IMPORTED_MODULE_1__.FILESYSTEM_DESCRIPTOR_SYNC, this.#fileResourceId);
        }
        catch (e) {
            if (e.code === "EPERM") {
                return;
            }
            throw convertFsError(e);
        }
    }
    createDirectoryAt(path) {
        const fullPath = this.#getFullPath(path, false);
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.mkdirSync)(fullPath);
        }
        catch (e) {
            throw convertFsError(e);
        }
    }
    stat() {
        if (this.#hostPreopen) {
            throw "invalid";
        }
        let stats;
        try {
            stats = (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__/* .ioCall */ .Lx)(_io_calls_js__WEBPACK_IMPORTED_MODULE_1__.FILESYSTEM_DESCRIPTOR_STAT, this.#fileResourceId);
        }
        catch (e) {
            throw convertFsError(e);
        }
        const type = stats.type;
        return {
            type,
            linkCount: stats.nlink,
            size: stats.size,
            dataAccessTimestamp: nsToDateTime(stats.atimeNs),
            dataModificationTimestamp: nsToDateTime(stats.mtimeNs),
            statusChangeTimestamp: nsToDateTime(stats.ctimeNs),
        };
    }
    statAt(pathFlags, path) {
        const fullPath = this.#getFullPath(path, pathFlags.symlinkFollow);
        let stats;
        try {
            stats = (pathFlags.symlinkFollow ? node_fs__WEBPACK_IMPORTED_MODULE_2__.statSync : node_fs__WEBPACK_IMPORTED_MODULE_2__.lstatSync)(fullPath, {
                bigint: true,
            });
        }
        catch (e) {
            throw convertFsError(e);
        }
        const type = lookupType(stats);
        return {
            type,
            linkCount: stats.nlink,
            size: stats.size,
            dataAccessTimestamp: nsToDateTime(stats.atimeNs),
            dataModificationTimestamp: nsToDateTime(stats.mtimeNs),
            statusChangeTimestamp: nsToDateTime(stats.ctimeNs),
        };
    }
    setTimesAt(pathFlags, path, dataAccessTimestamp, dataModificationTimestamp) {
        const fullPath = this.#getFullPath(path, pathFlags.symlinkFollow);
        let stats;
        if (dataAccessTimestamp.tag === "no-change" ||
            dataModificationTimestamp.tag === "no-change") {
            stats = this.stat();
        }
        const atime = this.#getNewTimestamp(dataAccessTimestamp, dataAccessTimestamp.tag === "no-change" && stats.dataAccessTimestamp);
        const mtime = this.#getNewTimestamp(dataModificationTimestamp, dataModificationTimestamp.tag === "no-change" && stats.dataModificationTimestamp);
        if (!pathFlags.symlinkFollow && !node_fs__WEBPACK_IMPORTED_MODULE_2__.lutimesSync) {
            throw new Error("Changing the timestamps of symlinks isn't supported");
        }
        let metadataSetFn = pathFlags.symlinkFollow ? node_fs__WEBPACK_IMPORTED_MODULE_2__.utimesSync : node_fs__WEBPACK_IMPORTED_MODULE_2__.lutimesSync;
        try {
            metadataSetFn(fullPath, atime / 1000, mtime / 1000);
        }
        catch (e) {
            throw convertFsError(e);
        }
    }
    linkAt(oldPathFlags, oldPath, newDescriptor, newPath) {
        const oldFullPath = this.#getFullPath(oldPath, oldPathFlags.symlinkFollow);
        const newFullPath = newDescriptor.#getFullPath(newPath, false);
        // Windows doesn't automatically fail on trailing slashes
        if (isWindows && newFullPath.endsWith("/")) {
            throw "no-entry";
        }
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.linkSync)(oldFullPath, newFullPath);
        }
        catch (e) {
            throw convertFsError(e);
        }
    }
    openAt(pathFlags, path, openFlags, descriptorFlags) {
        const fullPath = this.#getFullPath(path, pathFlags.symlinkFollow);
        let fsOpenFlags = 0x0;
        if (openFlags.create) {
            fsOpenFlags |= node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_CREAT;
        }
        if (openFlags.directory) {
            fsOpenFlags |= node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_DIRECTORY;
        }
        if (openFlags.exclusive) {
            fsOpenFlags |= node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_EXCL;
        }
        if (openFlags.truncate) {
            fsOpenFlags |= node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_TRUNC;
        }
        if (descriptorFlags.read && descriptorFlags.write) {
            fsOpenFlags |= node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_RDWR;
        }
        else if (descriptorFlags.write) {
            fsOpenFlags |= node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_WRONLY;
        }
        else if (descriptorFlags.read) {
            fsOpenFlags |= node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_RDONLY;
        }
        if (descriptorFlags.fileIntegritySync) {
            fsOpenFlags |= node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_SYNC;
        }
        if (descriptorFlags.dataIntegritySync) {
            fsOpenFlags |= node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_DSYNC;
        }
        if (!pathFlags.symlinkFollow) {
            fsOpenFlags |= node_fs__WEBPACK_IMPORTED_MODULE_2__.constants.O_NOFOLLOW;
        }
        if (descriptorFlags.requestedWriteSync || descriptorFlags.mutateDirectory) {
            throw "unsupported";
        }
        // Currently throw to match Wasmtime
        if (descriptorFlags.fileIntegritySync || descriptorFlags.dataIntegritySync) {
            throw "unsupported";
        }
        if (isWindows) {
            if (!pathFlags.symlinkFollow && !openFlags.create) {
                let isSymlink = false;
                try {
                    isSymlink = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.lstatSync)(fullPath).isSymbolicLink();
                }
                catch {
                    //
                }
                if (isSymlink) {
                    throw openFlags.directory ? "not-directory" : "loop";
                }
            }
            if (pathFlags.symlinkFollow && openFlags.directory) {
                let isFile = false;
                try {
                    isFile = !(0,node_fs__WEBPACK_IMPORTED_MODULE_2__.statSync)(fullPath).isDirectory();
                }
                catch {
                    //
                }
                if (isFile) {
                    throw "not-directory";
                }
            }
        }
        try {
            const { id, type } = (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__/* .ioCall */ .Lx)(_io_calls_js__WEBPACK_IMPORTED_MODULE_1__.FILESYSTEM_DESCRIPTOR_OPEN, null, {
                path: fullPath.endsWith("/") ? fullPath.slice(0, -1) : fullPath,
                flags: fsOpenFlags,
            });
            // Wasmtime's updated path_open_preopen test requires ISDIR for a
            // writable directory on every platform.
            //
            // Windows may still open it, so check the returned descriptor type.
            if (type === "directory" && descriptorFlags.write) {
                // Release the opened handle before reporting the error.
                closeFileResource(id);
                throw "is-directory";
            }
            const descriptor = descriptorCreate(id, descriptorFlags, fullPath);
            if (fullPath.endsWith("/") && type !== "directory") {
                descriptor[symbolDispose]();
                throw "not-directory";
            }
            return descriptor;
        }
        catch (e) {
            if (e.code === "ERR_INVALID_ARG_VALUE") {
                throw isWindows ? "no-entry" : "invalid";
            }
            throw convertFsError(e);
        }
    }
    readlinkAt(path) {
        const fullPath = this.#getFullPath(path, false);
        try {
            const target = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readlinkSync)(fullPath);
            return isWindows ? target.replace(/\\/g, "/") : target;
        }
        catch (e) {
            throw convertFsError(e);
        }
    }
    removeDirectoryAt(path) {
        const fullPath = this.#getFullPath(path, false);
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.rmdirSync)(fullPath);
        }
        catch (e) {
            if (isWindows && e.code === "ENOENT") {
                throw "not-directory";
            }
            throw convertFsError(e);
        }
    }
    renameAt(oldPath, newDescriptor, newPath) {
        const oldFullPath = this.#getFullPath(oldPath, false);
        const newFullPath = newDescriptor.#getFullPath(newPath, false);
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.renameSync)(oldFullPath, newFullPath);
        }
        catch (e) {
            if (isWindows && e.code === "EPERM") {
                throw "access";
            }
            throw convertFsError(e);
        }
    }
    symlinkAt(target, path) {
        const fullPath = this.#getFullPath(path, false);
        if (target.startsWith("/")) {
            throw "not-permitted";
        }
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.symlinkSync)(target, fullPath);
        }
        catch (e) {
            if (fullPath.endsWith("/") && e.code === "EEXIST") {
                let isDir = false;
                try {
                    isDir = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.statSync)(fullPath).isDirectory();
                }
                catch {
                    //
                }
                if (!isDir) {
                    throw isWindows ? "no-entry" : "not-directory";
                }
            }
            if (isWindows) {
                if (e.code === "EPERM" || e.code === "EEXIST") {
                    throw "no-entry";
                }
            }
            throw convertFsError(e);
        }
    }
    unlinkFileAt(path) {
        const fullPath = this.#getFullPath(path, false);
        try {
            if (fullPath.endsWith("/")) {
                let isDir = false;
                try {
                    isDir = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.statSync)(fullPath).isDirectory();
                }
                catch {
                    //
                }
                throw isDir
                    ? isWindows
                        ? "access"
                        : isMac
                            ? "not-permitted"
                            : "is-directory"
                    : "not-directory";
            }
            (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.unlinkSync)(fullPath);
        }
        catch (e) {
            if (isWindows && e.code === "EPERM") {
                throw "access";
            }
            throw convertFsError(e);
        }
    }
    isSameObject(other) {
        return other === this;
    }
    metadataHash() {
        if (this.#hostPreopen) {
            return { upper: 0n, lower: BigInt(this._id) };
        }
        try {
            return (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__/* .ioCall */ .Lx)(_io_calls_js__WEBPACK_IMPORTED_MODULE_1__.FILESYSTEM_DESCRIPTOR_METADATA_HASH, this.#fileResourceId);
        }
        catch (e) {
            throw convertFsError(e);
        }
    }
    metadataHashAt(pathFlags, path) {
        const fullPath = this.#getFullPath(path, pathFlags.symlinkFollow);
        try {
            const stats = (pathFlags.symlinkFollow ? node_fs__WEBPACK_IMPORTED_MODULE_2__.statSync : node_fs__WEBPACK_IMPORTED_MODULE_2__.lstatSync)(fullPath, {
                bigint: true,
            });
            return { upper: stats.mtimeNs, lower: stats.ino };
        }
        catch (e) {
            throw convertFsError(e);
        }
    }
    #getFullPath(subpath, followFinalSymlink) {
        subpath = subpath.replace(/\\/g, "/").replace(/\/\/+/g, "/");
        if (subpath.startsWith("/")) {
            throw "not-permitted";
        }
        const trailingSlash = subpath.endsWith("/");
        const segments = [];
        for (const segment of subpath.split("/")) {
            if (segment === "" || segment === ".") {
                continue;
            }
            if (segment === "..") {
                if (segments.pop() === undefined) {
                    throw "not-permitted";
                }
            }
            else {
                segments.push(segment);
            }
        }
        const base = this.#hostPreopen ?? this.#fullPath;
        // The default Windows preopen intentionally represents every drive and
        // UNC share, so there is no narrower host boundary to enforce.
        if (isWindows && this.#hostPreopen === "//") {
            const normalized = segments.join("/");
            const fullPath = /^[a-zA-Z]:\//.test(normalized)
                ? `//?/${normalized}`
                : `//${normalized}`;
            return trailingSlash && normalized ? `${fullPath}/` : fullPath;
        }
        let baseResolved;
        try {
            baseResolved = normalizeHostPath((0,node_fs__WEBPACK_IMPORTED_MODULE_2__.realpathSync)(base));
        }
        catch (error) {
            throw convertFsError(error);
        }
        let current = baseResolved;
        let pending = [...segments];
        let followedSymlinks = 0;
        while (pending.length > 0) {
            const segment = pending.shift();
            const candidate = normalizeHostPath(hostPath.join(current, segment));
            let stats;
            try {
                stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.lstatSync)(candidate);
            }
            catch (error) {
                if (error.code === "ENOENT") {
                    const unresolved = normalizeHostPath(hostPath.join(candidate, ...pending));
                    return trailingSlash ? `${unresolved}/` : unresolved;
                }
                throw convertFsError(error);
            }
            const isFinal = pending.length === 0;
            if (!stats.isSymbolicLink() || (isFinal && !followFinalSymlink && !trailingSlash)) {
                current = candidate;
                continue;
            }
            if (++followedSymlinks > MAX_SYMLINKS) {
                throw "loop";
            }
            let target;
            try {
                target = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readlinkSync)(candidate);
            }
            catch (error) {
                throw convertFsError(error);
            }
            let targetSegments;
            if (hostPath.isAbsolute(target)) {
                throw "not-permitted";
            }
            else {
                const relativeCurrent = hostPath.relative(baseResolved, current);
                targetSegments = relativeCurrent ? relativeCurrent.split(hostPath.sep) : [];
                for (const targetSegment of target.replace(/\\/g, "/").split("/")) {
                    if (targetSegment === "" || targetSegment === ".") {
                        continue;
                    }
                    if (targetSegment === "..") {
                        if (targetSegments.pop() === undefined) {
                            throw "not-permitted";
                        }
                    }
                    else {
                        targetSegments.push(targetSegment);
                    }
                }
            }
            pending = [...targetSegments, ...pending];
            current = baseResolved;
        }
        return trailingSlash && current !== baseResolved ? `${current}/` : current;
    }
}
const descriptorCreatePreopen = Descriptor._createPreopen;
// @ts-expect-error - Deleting static method
delete Descriptor._createPreopen;
const descriptorCreate = Descriptor._create;
// @ts-expect-error - Deleting static method
delete Descriptor._create;
class DirectoryEntryStream {
    #dir;
    #finalizer;
    readDirectoryEntry() {
        let entry;
        try {
            entry = this.#dir.readSync();
        }
        catch (e) {
            throw convertFsError(e);
        }
        if (entry === null) {
            return undefined;
        }
        const name = entry.name;
        const type = lookupType(entry);
        return { name, type };
    }
    static _create(dir) {
        const dirStream = new DirectoryEntryStream();
        dirStream.#finalizer = (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__/* .registerDispose */ .DX)(dirStream, null, 0, dir.closeSync.bind(dir));
        dirStream.#dir = dir;
        return dirStream;
    }
    [symbolDispose]() {
        if (this.#finalizer) {
            (0,_io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__/* .earlyDispose */ .LJ)(this.#finalizer);
            this.#finalizer = null;
        }
    }
}
const directoryEntryStreamCreate = DirectoryEntryStream._create;
// @ts-expect-error Deleting static method
delete DirectoryEntryStream._create;
let preopenEntries = [];
const preopens = {
    getDirectories() {
        return preopenEntries;
    },
};
const types = {
    Descriptor,
    DirectoryEntryStream,
    filesystemErrorCode(err) {
        return convertFsError(err.payload);
    },
};
/** Create isolated filesystem namespaces from Node.js host-path preopens. */
function createFilesystem({ preopens }) {
    const entries = Object.entries(preopens).map(([virtualPath, hostPath]) => [descriptorCreatePreopen(hostPath), virtualPath]);
    return {
        types,
        preopens: {
            getDirectories: () => [...entries],
        },
    };
}
/**
 * Replace all preopens with the given set.
 * @param {Record<string, string>} preopens - Map of virtual paths to host paths
 */
function _setPreopens(preopens) {
    preopenEntries = [];
    for (const [virtualPath, hostPreopen] of Object.entries(preopens)) {
        _addPreopen(virtualPath, hostPreopen);
    }
}
/**
 * Add a single preopen mapping.
 * @param {string} virtualPath - The virtual path visible to the guest
 * @param {string} hostPreopen - The host filesystem path
 */
function _addPreopen(virtualPath, hostPreopen) {
    const preopenEntry = [descriptorCreatePreopen(hostPreopen), virtualPath];
    preopenEntries.push(preopenEntry);
}
/**
 * Clear all preopens, giving the guest no filesystem access.
 *
 * @example
 * import { _clearPreopens } from '@bytecodealliance/preview2-shim/filesystem';
 * _clearPreopens();
 */
function _clearPreopens() {
    preopenEntries = [];
}
/**
 * Get current preopens configuration.
 * @returns {Array<[Descriptor, string]>} Array of [descriptor, virtualPath] pairs
 */
function _getPreopens() {
    return [...preopenEntries];
}
/**
 * Create a preopen descriptor for a host path.
 * This is used internally to create isolated preopen instances.
 * @param  hostPreopen - The host filesystem path
 * @returns A preopen descriptor
 */
function _createPreopenDescriptor(hostPreopen) {
    return descriptorCreatePreopen(hostPreopen);
}
function convertFsError(e) {
    switch (e.code) {
        case "EACCES":
            return "access";
        case "EAGAIN":
        case "EWOULDBLOCK":
            return "would-block";
        case "EALREADY":
            return "already";
        case "EBADF":
            return "bad-descriptor";
        case "EBUSY":
            return "busy";
        case "EDEADLK":
            return "deadlock";
        case "EDQUOT":
            return "quota";
        case "EEXIST":
            return "exist";
        case "EFBIG":
            return "file-too-large";
        case "EILSEQ":
            return "illegal-byte-sequence";
        case "EINPROGRESS":
            return "in-progress";
        case "EINTR":
            return "interrupted";
        case "EINVAL":
            return "invalid";
        case "EIO":
            return "io";
        case "EISDIR":
            return "is-directory";
        case "ELOOP":
            return "loop";
        case "EMLINK":
            return "too-many-links";
        case "EMSGSIZE":
            return "message-size";
        case "ENAMETOOLONG":
            return "name-too-long";
        case "ENODEV":
            return "no-device";
        case "ENOENT":
            return "no-entry";
        case "ENOLCK":
            return "no-lock";
        case "ENOMEM":
            return "insufficient-memory";
        case "ENOSPC":
            return "insufficient-space";
        case "ENOTDIR":
        case "ERR_FS_EISDIR":
            return "not-directory";
        case "ENOTEMPTY":
            return "not-empty";
        case "ENOTRECOVERABLE":
            return "not-recoverable";
        case "ENOTSUP":
            return "unsupported";
        case "ENOTTY":
            return "no-tty";
        // windows gives this error for badly structured `//` reads
        // this seems like a slightly better error than unknown given
        // that it's a common footgun
        case -4094:
        case "ENXIO":
            return "no-such-device";
        case "EOVERFLOW":
            return "overflow";
        case "EPERM":
            return "not-permitted";
        case "EPIPE":
            return "pipe";
        case "EROFS":
            return "read-only";
        case "ESPIPE":
            return "invalid-seek";
        case "ETXTBSY":
            return "text-file-busy";
        case "EXDEV":
            return "cross-device";
        case "UNKNOWN":
            switch (e.errno) {
                case -4094:
                    return "no-such-device";
                default:
                    throw e;
            }
        default:
            throw e;
    }
}
function timestampToMs(timestamp) {
    let secondsInMillis = timestamp.seconds * 1000n;
    if (secondsInMillis > Number.MAX_SAFE_INTEGER) {
        throw new Error(`cannot represent millisecond amount as Number [${{ secondsInMillis }}]`);
    }
    if (timestamp.nanoseconds > Number.MAX_SAFE_INTEGER) {
        throw new Error(`cannot represent millisecond amount as Number [${{ secondsInMillis }}]`);
    }
    let remainderFractionalMillis = timestamp.nanoseconds / 1_000_000;
    const res = Number(secondsInMillis) + remainderFractionalMillis;
    return res;
}


/***/ }),

/***/ 46701:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   error: () => (/* reexport safe */ _io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__.z3),
/* harmony export */   inputStreamCreate: () => (/* reexport safe */ _io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__.XK),
/* harmony export */   outputStreamCreate: () => (/* reexport safe */ _io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__.Cs),
/* harmony export */   poll: () => (/* reexport safe */ _io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__.wt),
/* harmony export */   streams: () => (/* reexport safe */ _io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__.oS)
/* harmony export */ });
/* harmony import */ var _io_worker_io_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(17578);



/***/ }),

/***/ 71014:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   insecure: () => (/* binding */ insecure),
/* harmony export */   insecureSeed: () => (/* binding */ insecureSeed),
/* harmony export */   random: () => (/* binding */ random)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);

const insecure = {
    getInsecureRandomBytes: getRandomBytes,
    getInsecureRandomU64() {
        return new BigUint64Array((0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(8).buffer)[0];
    },
};
let insecureSeedValue1, insecureSeedValue2;
const insecureSeed = {
    insecureSeed() {
        if (insecureSeedValue1 === undefined) {
            insecureSeedValue1 = random.getRandomU64();
            insecureSeedValue2 = random.getRandomU64();
        }
        return [insecureSeedValue1, insecureSeedValue2];
    },
};
const random = {
    getRandomBytes,
    getRandomU64() {
        return new BigUint64Array((0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(8).buffer)[0];
    },
};
function getRandomBytes(len) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(Number(len));
}
getRandomBytes[Symbol.for("cabiLower")] = ({ memory, realloc }) => {
    let buf32 = new Uint32Array(memory.buffer);
    return function randomBytesImpl(len, retptr) {
        len = Number(len);
        const ptr = realloc(0, 0, 1, len);
        (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomFillSync)(memory.buffer, ptr, len);
        if (memory.buffer !== buf32.buffer) {
            buf32 = new Uint32Array(memory.buffer);
        }
        if (retptr % 4) {
            throw new Error("wasi-io trap: retptr not aligned");
        }
        buf32[retptr >> 2] = ptr;
        buf32[(retptr >> 2) + 1] = len;
    };
};


/***/ })

};
