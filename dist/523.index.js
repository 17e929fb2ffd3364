export const id = 523;
export const ids = [523];
export const modules = {

/***/ 96523:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  WASIShim: () => (/* binding */ WASIShim)
});

// NAMESPACE OBJECT: ./node_modules/@bytecodealliance/preview2-shim/dist/nodejs/clocks.js
var clocks_namespaceObject = {};
__webpack_require__.r(clocks_namespaceObject);
__webpack_require__.d(clocks_namespaceObject, {
  monotonicClock: () => (monotonicClock),
  wallClock: () => (wallClock)
});

// NAMESPACE OBJECT: ./node_modules/@bytecodealliance/preview2-shim/dist/nodejs/http.js
var http_namespaceObject = {};
__webpack_require__.r(http_namespaceObject);
__webpack_require__.d(http_namespaceObject, {
  HTTPServer: () => (HTTPServer),
  _denyHttp: () => (_denyHttp),
  _forbiddenHeaders: () => (_forbiddenHeaders),
  outgoingHandler: () => (outgoingHandler),
  types: () => (types)
});

// NAMESPACE OBJECT: ./node_modules/@bytecodealliance/preview2-shim/dist/nodejs/sockets.js
var sockets_namespaceObject = {};
__webpack_require__.r(sockets_namespaceObject);
__webpack_require__.d(sockets_namespaceObject, {
  _denyDnsLookup: () => (_denyDnsLookup),
  _denyTcp: () => (_denyTcp),
  _denyUdp: () => (_denyUdp),
  createSockets: () => (createSockets),
  instanceNetwork: () => (instanceNetwork),
  ipNameLookup: () => (ipNameLookup),
  network: () => (network),
  tcp: () => (tcp),
  tcpCreateSocket: () => (tcpCreateSocket),
  udp: () => (udp),
  udpCreateSocket: () => (udpCreateSocket)
});

// EXTERNAL MODULE: ./node_modules/@bytecodealliance/preview2-shim/dist/nodejs/cli.js
var cli = __webpack_require__(47515);
// EXTERNAL MODULE: ./node_modules/@bytecodealliance/preview2-shim/dist/io/worker-io.js + 1 modules
var worker_io = __webpack_require__(17578);
// EXTERNAL MODULE: ./node_modules/@bytecodealliance/preview2-shim/dist/io/calls.js
var calls = __webpack_require__(43879);
// EXTERNAL MODULE: external "node:process"
var external_node_process_ = __webpack_require__(1708);
;// CONCATENATED MODULE: ./node_modules/@bytecodealliance/preview2-shim/dist/nodejs/clocks.js



const symbolCabiLower = Symbol.for("cabiLower");
function resolution() {
    return 1n;
}
const monotonicClock = {
    resolution,
    now() {
        return external_node_process_.hrtime.bigint();
    },
    subscribeInstant(instant) {
        return (0,worker_io/* createPoll */.Gi)(calls.CLOCKS_INSTANT_SUBSCRIBE, null, instant);
    },
    subscribeDuration(duration) {
        duration = BigInt(duration);
        return (0,worker_io/* createPoll */.Gi)(calls.CLOCKS_DURATION_SUBSCRIBE, null, duration);
    },
};
const wallClock = {
    resolution() {
        return { seconds: 0n, nanoseconds: 1e6 };
    },
    now() {
        const seconds = BigInt(Math.floor(Date.now() / 1e3));
        const nanoseconds = (Date.now() % 1e3) * 1e6;
        return { seconds, nanoseconds };
    },
};
monotonicClock.resolution[symbolCabiLower] = () => resolution;
monotonicClock.now[symbolCabiLower] = () => external_node_process_.hrtime.bigint;
wallClock.resolution[symbolCabiLower] = ({ memory }) => {
    let buf32 = new Int32Array(memory.buffer);
    return function now(retptr) {
        if (memory.buffer !== buf32.buffer) {
            buf32 = new Int32Array(memory.buffer);
        }
        if (retptr % 4) {
            throw new Error("wasi-io trap: retptr not aligned");
        }
        buf32[(retptr >> 2) + 0] = 0;
        buf32[(retptr >> 2) + 4] = 0;
        buf32[(retptr >> 2) + 8] = 1_000_000;
    };
};
wallClock.now[symbolCabiLower] = ({ memory }) => {
    let buf32 = new Int32Array(memory.buffer);
    let buf64 = new BigInt64Array(memory.buffer);
    return function now(retptr) {
        if (memory.buffer !== buf32.buffer) {
            buf32 = new Int32Array(memory.buffer);
            buf64 = new BigInt64Array(memory.buffer);
        }
        if (retptr % 4) {
            throw new Error("wasi-io trap: retptr not aligned");
        }
        buf64[(retptr >> 2) + 0] = BigInt(Math.floor(Date.now() / 1e3));
        buf32[(retptr >> 2) + 8] = (Date.now() % 1e3) * 1e6;
    };
};

// EXTERNAL MODULE: ./node_modules/@bytecodealliance/preview2-shim/dist/nodejs/filesystem.js
var filesystem = __webpack_require__(59174);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
var external_node_http_namespaceObject = /*#__PURE__*/__webpack_require__.t(external_node_http_, 2);
;// CONCATENATED MODULE: ./node_modules/@bytecodealliance/preview2-shim/dist/nodejs/http.js




const { validateHeaderName = () => { }, validateHeaderValue = () => { } } = external_node_http_namespaceObject;
const symbolDispose = Symbol.dispose || Symbol.for("dispose");
const _forbiddenHeaders = new Set(["connection", "keep-alive", "host"]);
class IncomingBody {
    #finished = false;
    #stream = null;
    stream() {
        if (!this.#stream) {
            throw undefined;
        }
        const stream = this.#stream;
        this.#stream = null;
        return stream;
    }
    static finish(incomingBody) {
        if (incomingBody.#finished) {
            throw new Error("incoming body already finished");
        }
        incomingBody.#finished = true;
        return futureTrailersCreate();
    }
    [symbolDispose]() { }
    static _create(streamId) {
        const incomingBody = new IncomingBody();
        incomingBody.#stream = (0,worker_io/* inputStreamCreate */.XK)(calls.HTTP, streamId);
        return incomingBody;
    }
}
const incomingBodyCreate = IncomingBody._create;
// @ts-expect-error - Deleting static method
delete IncomingBody._create;
class IncomingRequest {
    #method;
    #pathWithQuery;
    #scheme;
    #authority;
    #headers;
    #streamId;
    method() {
        return this.#method;
    }
    pathWithQuery() {
        return this.#pathWithQuery;
    }
    scheme() {
        return this.#scheme;
    }
    authority() {
        return this.#authority;
    }
    headers() {
        return this.#headers;
    }
    consume() {
        return incomingBodyCreate(this.#streamId);
    }
    [symbolDispose]() { }
    static _create(method, pathWithQuery, scheme, authority, headers, streamId) {
        const incomingRequest = new IncomingRequest();
        incomingRequest.#method = method;
        incomingRequest.#pathWithQuery = pathWithQuery;
        incomingRequest.#scheme = scheme;
        incomingRequest.#authority = authority;
        incomingRequest.#headers = headers;
        incomingRequest.#streamId = streamId;
        return incomingRequest;
    }
}
const incomingRequestCreate = IncomingRequest._create;
// @ts-expect-error - Deleting static method
delete IncomingRequest._create;
class FutureTrailers {
    #requested = false;
    subscribe() {
        return (0,worker_io/* createPoll */.Gi)(calls.CLOCKS_DURATION_SUBSCRIBE, null, 0n);
    }
    get() {
        if (this.#requested) {
            return { tag: "err", val: undefined };
        }
        this.#requested = true;
        return {
            tag: "ok",
            val: {
                tag: "ok",
                val: fieldsLock(fieldsFromEntriesChecked([])),
            },
        };
    }
    static _create() {
        const res = new FutureTrailers();
        return res;
    }
}
const futureTrailersCreate = FutureTrailers._create;
// @ts-expect-error - Deleting static method
delete FutureTrailers._create;
class OutgoingResponse {
    #body;
    /** @type {number} */ #statusCode = 200;
    /** @type {Fields} */ #headers;
    /**
     * @param {number} statusCode
     * @param {Fields} headers
     */
    constructor(headers) {
        fieldsLock(headers);
        this.#headers = headers;
    }
    statusCode() {
        return this.#statusCode;
    }
    setStatusCode(statusCode) {
        this.#statusCode = statusCode;
    }
    headers() {
        return this.#headers;
    }
    body() {
        let contentLengthValues = this.#headers.get("content-length");
        let contentLength;
        if (contentLengthValues.length > 0) {
            contentLength = Number(new TextDecoder().decode(contentLengthValues[0]));
        }
        this.#body = outgoingBodyCreate(contentLength);
        return this.#body;
    }
    static _body(outgoingResponse) {
        return outgoingResponse.#body;
    }
}
const outgoingResponseBody = OutgoingResponse._body;
// @ts-expect-error - Deleting static method
delete OutgoingResponse._body;
class ResponseOutparam {
    #setListener;
    static set(param, response) {
        param.#setListener(response);
    }
    static _create(setListener) {
        const responseOutparam = new ResponseOutparam();
        responseOutparam.#setListener = setListener;
        return responseOutparam;
    }
}
const responseOutparamCreate = ResponseOutparam._create;
// @ts-expect-error - Deleting static method
delete ResponseOutparam._create;
const defaultHttpTimeout = 600000000000n;
class RequestOptions {
    #connectTimeout = defaultHttpTimeout;
    #firstByteTimeout = defaultHttpTimeout;
    #betweenBytesTimeout = defaultHttpTimeout;
    connectTimeout() {
        return this.#connectTimeout;
    }
    setConnectTimeout(duration) {
        this.#connectTimeout = duration;
    }
    firstByteTimeout() {
        return this.#firstByteTimeout;
    }
    setFirstByteTimeout(duration) {
        this.#firstByteTimeout = duration;
    }
    betweenBytesTimeout() {
        return this.#betweenBytesTimeout;
    }
    setBetweenBytesTimeout(duration) {
        this.#betweenBytesTimeout = duration;
    }
}
class OutgoingRequest {
    #method = { tag: "get" };
    #scheme = undefined;
    #pathWithQuery = undefined;
    #authority = undefined;
    #headers;
    #body;
    #bodyRequested = false;
    constructor(headers) {
        fieldsLock(headers);
        this.#headers = headers;
        let contentLengthValues = this.#headers.get("content-length");
        if (contentLengthValues.length === 0) {
            contentLengthValues = this.#headers.get("Content-Length");
        }
        let contentLength;
        if (contentLengthValues.length > 0) {
            contentLength = Number(new TextDecoder().decode(contentLengthValues[0]));
        }
        this.#body = outgoingBodyCreate(contentLength);
    }
    body() {
        if (this.#bodyRequested) {
            throw new Error("Body already requested");
        }
        this.#bodyRequested = true;
        return this.#body;
    }
    method() {
        return this.#method;
    }
    setMethod(method) {
        if (method.tag === "other" && !method.val.match(/^[a-zA-Z-]+$/)) {
            throw undefined;
        }
        this.#method = method;
    }
    pathWithQuery() {
        return this.#pathWithQuery;
    }
    setPathWithQuery(pathWithQuery) {
        if (pathWithQuery && !pathWithQuery.match(/^[a-zA-Z0-9.\-_~!$&'()*+,;=:@%?/]+$/)) {
            throw undefined;
        }
        this.#pathWithQuery = pathWithQuery;
    }
    scheme() {
        return this.#scheme;
    }
    setScheme(scheme) {
        if (scheme?.tag === "other" && !scheme.val.match(/^[a-zA-Z]+$/)) {
            throw undefined;
        }
        this.#scheme = scheme;
    }
    authority() {
        return this.#authority;
    }
    setAuthority(authority) {
        if (authority) {
            const [host, port, ...extra] = authority.split(":");
            const portNum = Number(port);
            if (extra.length ||
                (port !== undefined && (portNum.toString() !== port || portNum > 65535)) ||
                !host.match(/^[a-zA-Z0-9-.]+$/)) {
                throw undefined;
            }
        }
        this.#authority = authority;
    }
    headers() {
        return this.#headers;
    }
    [symbolDispose]() { }
    static _handle(request, options) {
        const connectTimeout = options?.connectTimeout();
        const betweenBytesTimeout = options?.betweenBytesTimeout();
        const firstByteTimeout = options?.firstByteTimeout();
        const scheme = schemeString(request.#scheme);
        // note: host header is automatically added by Node.js
        const headers = [];
        const decoder = new TextDecoder();
        for (const [key, value] of request.#headers.entries()) {
            headers.push([key, decoder.decode(value)]);
        }
        if (!request.#pathWithQuery) {
            throw { tag: "HTTP-request-URI-invalid" };
        }
        return futureIncomingResponseCreate(request.#method.val || request.#method.tag, scheme, request.#authority, request.#pathWithQuery, headers, outgoingBodyOutputStreamId(request.#body), connectTimeout, betweenBytesTimeout, firstByteTimeout);
    }
}
const outgoingRequestHandle = OutgoingRequest._handle;
// @ts-expect-error - Deleting static method
delete OutgoingRequest._handle;
class OutgoingBody {
    #outputStream = null;
    #outputStreamId = null;
    #contentLength = undefined;
    #finalizer;
    write() {
        // can only call write once
        const outputStream = this.#outputStream;
        if (outputStream === null) {
            throw undefined;
        }
        this.#outputStream = null;
        return outputStream;
    }
    static finish(body, trailers) {
        if (trailers) {
            throw { tag: "internal-error", val: "trailers unsupported" };
        }
        // this will verify content length, and also verify not already finished
        // throwing errors as appropriate
        (0,worker_io/* ioCall */.Lx)(calls.HTTP_OUTPUT_STREAM_FINISH, body.#outputStreamId, null);
    }
    static _outputStreamId(outgoingBody) {
        return outgoingBody.#outputStreamId;
    }
    static _create(contentLength) {
        const outgoingBody = new OutgoingBody();
        outgoingBody.#contentLength = contentLength;
        outgoingBody.#outputStreamId = (0,worker_io/* ioCall */.Lx)(calls.OUTPUT_STREAM_CREATE | calls.HTTP, null, outgoingBody.#contentLength);
        outgoingBody.#outputStream = (0,worker_io/* outputStreamCreate */.Cs)(calls.HTTP, outgoingBody.#outputStreamId);
        outgoingBody.#finalizer = (0,worker_io/* registerDispose */.DX)(outgoingBody, null, outgoingBody.#outputStreamId, outgoingBodyDispose);
        return outgoingBody;
    }
    [symbolDispose]() {
        if (this.#finalizer) {
            (0,worker_io/* earlyDispose */.LJ)(this.#finalizer);
            this.#finalizer = null;
        }
    }
}
function outgoingBodyDispose(id) {
    (0,worker_io/* ioCall */.Lx)(calls.HTTP_OUTGOING_BODY_DISPOSE, id, null);
}
const outgoingBodyOutputStreamId = OutgoingBody._outputStreamId;
// @ts-expect-error - Deleting static method
delete OutgoingBody._outputStreamId;
const outgoingBodyCreate = OutgoingBody._create;
// @ts-expect-error - Deleting static method
delete OutgoingBody._create;
class IncomingResponse {
    #headers;
    #status = 0;
    #bodyStream;
    status() {
        return this.#status;
    }
    headers() {
        return this.#headers;
    }
    consume() {
        if (this.#bodyStream === undefined) {
            throw undefined;
        }
        const bodyStream = this.#bodyStream;
        this.#bodyStream = undefined;
        return bodyStream;
    }
    [symbolDispose]() {
        if (this.#bodyStream) {
            this.#bodyStream[symbolDispose]();
        }
    }
    static _create(status, headers, bodyStreamId) {
        const res = new IncomingResponse();
        res.#status = status;
        res.#headers = headers;
        res.#bodyStream = incomingBodyCreate(bodyStreamId);
        return res;
    }
}
const incomingResponseCreate = IncomingResponse._create;
// @ts-expect-error - Deleting static method
delete IncomingResponse._create;
class FutureIncomingResponse {
    #id;
    #finalizer;
    subscribe() {
        return (0,worker_io/* pollableCreate */._K)((0,worker_io/* ioCall */.Lx)(calls.FUTURE_SUBSCRIBE | calls.HTTP, this.#id, null), this);
    }
    get() {
        const ret = (0,worker_io/* ioCall */.Lx)(calls.FUTURE_TAKE_VALUE | calls.HTTP, this.#id, null);
        if (ret === undefined) {
            return undefined;
        }
        if (ret.tag === "ok" && ret.val.tag === "ok") {
            const textEncoder = new TextEncoder();
            const { status, headers, bodyStreamId } = ret.val.val;
            ret.val.val = incomingResponseCreate(status, fieldsFromEntriesChecked(headers.map(([key, val]) => [key, textEncoder.encode(val)])), bodyStreamId);
        }
        return ret;
    }
    static _create(method, scheme, authority, pathWithQuery, headers, body, connectTimeout, betweenBytesTimeout, firstByteTimeout) {
        const res = new FutureIncomingResponse();
        res.#id = (0,worker_io/* ioCall */.Lx)(calls.HTTP_CREATE_REQUEST, null, {
            method,
            scheme,
            authority,
            pathWithQuery,
            headers,
            body,
            connectTimeout,
            betweenBytesTimeout,
            firstByteTimeout,
        });
        res.#finalizer = (0,worker_io/* registerDispose */.DX)(res, null, res.#id, futureIncomingResponseDispose);
        return res;
    }
    [symbolDispose]() {
        if (this.#finalizer) {
            (0,worker_io/* earlyDispose */.LJ)(this.#finalizer);
            this.#finalizer = null;
        }
    }
}
function futureIncomingResponseDispose(id) {
    (0,worker_io/* ioCall */.Lx)(calls.FUTURE_DISPOSE | calls.HTTP, id, null);
}
const futureIncomingResponseCreate = FutureIncomingResponse._create;
// @ts-expect-error - Deleting static method
delete FutureIncomingResponse._create;
class Fields {
    #immutable = false;
    #entries = [];
    #table = new Map();
    /**
     * @param {[string, Uint8Array[][]][]} entries
     */
    static fromList(entries) {
        const fields = new Fields();
        for (const [key, value] of entries) {
            fields.append(key, value);
        }
        return fields;
    }
    get(name) {
        const tableEntries = this.#table.get(name.toLowerCase());
        if (!tableEntries) {
            return [];
        }
        return tableEntries.map(([, v]) => v);
    }
    /**
     * WIT spec (https://github.com/WebAssembly/WASI/blob/91bb44c3c3a9b1e09187db23c85fa844d1fd6b15/proposals/http/wit/types.wit#L215-L223):
     *
     * > Set all of the values for a name. Clears any existing values for that
     * > name, if they have been set.
     * >
     * > Fails with `header-error.immutable` if the `fields` are immutable.
     * >
     * > Fails with `header-error.invalid-syntax` if the `field-name` or any of
     * > the `field-value`s are syntactically invalid.
     *
     * The existing-branch splice/reuse is an allocation optimization — values are cleared, not retained.
     */
    set(name, values) {
        if (this.#immutable) {
            throw { tag: "immutable" };
        }
        try {
            validateHeaderName(name);
        }
        catch {
            throw { tag: "invalid-syntax" };
        }
        for (const value of values) {
            try {
                validateHeaderValue(name, new TextDecoder().decode(value));
            }
            catch {
                throw { tag: "invalid-syntax" };
            }
        }
        const lowercased = name.toLowerCase();
        if (_forbiddenHeaders.has(lowercased)) {
            throw { tag: "forbidden" };
        }
        let tableEntries = this.#table.get(lowercased);
        if (tableEntries) {
            this.#entries = this.#entries.filter((entry) => !tableEntries?.includes(entry));
            tableEntries.splice(0, tableEntries.length);
        }
        else {
            this.#table.set(lowercased, []);
            tableEntries = this.#table.get(lowercased);
        }
        for (const value of values) {
            const entry = [name, value];
            this.#entries.push(entry);
            tableEntries?.push(entry);
        }
    }
    has(name) {
        return this.#table.has(name.toLowerCase());
    }
    delete(name) {
        if (this.#immutable) {
            throw { tag: "immutable" };
        }
        const lowercased = name.toLowerCase();
        const tableEntries = this.#table.get(lowercased);
        if (tableEntries) {
            this.#entries = this.#entries.filter((entry) => !tableEntries.includes(entry));
            this.#table.delete(lowercased);
        }
    }
    append(name, value) {
        if (this.#immutable) {
            throw { tag: "immutable" };
        }
        try {
            validateHeaderName(name);
        }
        catch {
            throw { tag: "invalid-syntax" };
        }
        try {
            validateHeaderValue(name, new TextDecoder().decode(value));
        }
        catch {
            throw { tag: "invalid-syntax" };
        }
        const lowercased = name.toLowerCase();
        if (_forbiddenHeaders.has(lowercased)) {
            throw { tag: "forbidden" };
        }
        const entry = [name, value];
        this.#entries.push(entry);
        const tableEntries = this.#table.get(lowercased);
        if (tableEntries) {
            tableEntries.push(entry);
        }
        else {
            this.#table.set(lowercased, [entry]);
        }
    }
    entries() {
        return this.#entries;
    }
    clone() {
        return fieldsFromEntriesChecked(this.#entries);
    }
    static _lock(fields) {
        fields.#immutable = true;
        return fields;
    }
    // assumes entries are already validated
    static _fromEntriesChecked(entries) {
        const fields = new Fields();
        fields.#entries = entries;
        for (const entry of entries) {
            const lowercase = entry[0].toLowerCase();
            const existing = fields.#table.get(lowercase);
            if (existing) {
                existing.push(entry);
            }
            else {
                fields.#table.set(lowercase, [entry]);
            }
        }
        return fields;
    }
}
const fieldsLock = Fields._lock;
// @ts-expect-error - Deleting static method
delete Fields._lock;
const fieldsFromEntriesChecked = Fields._fromEntriesChecked;
// @ts-expect-error - Deleting static method
delete Fields._fromEntriesChecked;
let httpEnabled = true;
/** Deny outbound HTTP for the process-global HTTP namespace. */
function _denyHttp() {
    httpEnabled = false;
}
const outgoingHandler = {
    /**
     * @param {OutgoingRequest} request
     * @param {RequestOptions | undefined} options
     * @returns {FutureIncomingResponse}
     */
    handle(request, options) {
        if (!httpEnabled) {
            throw "access-denied";
        }
        return outgoingRequestHandle(request, options);
    },
};
function httpErrorCode(err) {
    if (err.payload) {
        return err.payload;
    }
    return {
        tag: "internal-error",
        val: err.message,
    };
}
const types = {
    Fields,
    FutureIncomingResponse,
    FutureTrailers,
    IncomingBody,
    IncomingRequest,
    IncomingResponse,
    OutgoingBody,
    OutgoingRequest,
    OutgoingResponse,
    ResponseOutparam,
    RequestOptions,
    httpErrorCode,
};
function schemeString(scheme) {
    if (!scheme) {
        return "https:";
    }
    switch (scheme.tag) {
        case "HTTP":
            return "http:";
        case "HTTPS":
            return "https:";
        case "other":
            return scheme.val.toLowerCase() + ":";
    }
}
const supportedMethods = [
    "get",
    "head",
    "post",
    "put",
    "delete",
    "connect",
    "options",
    "trace",
    "patch",
];
function parseMethod(method) {
    const lowercase = method.toLowerCase();
    if (supportedMethods.includes(method.toLowerCase())) {
        return { tag: lowercase };
    }
    return { tag: "other", val: lowercase };
}
const httpServers = new Map();
let httpServerCnt = 0;
class HTTPServer {
    #id = ++httpServerCnt;
    #stopped = false;
    #liveEventLoopInterval;
    constructor(incomingHandler) {
        httpServers.set(this.#id, this);
        if (typeof incomingHandler?.handle !== "function") {
            console.error("Not a valid HTTP server component to execute.");
            process.exit(1);
        }
        (0,worker_io/* registerIncomingHttpHandler */.oN)(this.#id, ({ method, pathWithQuery, host, headers, responseId, streamId }) => {
            const textEncoder = new TextEncoder();
            const request = incomingRequestCreate(parseMethod(method), pathWithQuery, { tag: "HTTP" }, host, fieldsLock(fieldsFromEntriesChecked(headers
                .filter(([key]) => !_forbiddenHeaders.has(key))
                .map(([key, val]) => [key, textEncoder.encode(val)]))), streamId);
            let outgoingBodyStreamId;
            const responseOutparam = responseOutparamCreate((response) => {
                if (response.tag === "ok") {
                    const outgoingResponse = response.val;
                    const statusCode = outgoingResponse.statusCode();
                    const headers = outgoingResponse.headers().entries();
                    const body = outgoingResponseBody(outgoingResponse);
                    outgoingBodyStreamId = outgoingBodyOutputStreamId(body);
                    (0,worker_io/* ioCall */.Lx)(calls.HTTP_SERVER_SET_OUTGOING_RESPONSE, responseId, {
                        statusCode,
                        headers,
                        streamId: outgoingBodyStreamId,
                    });
                }
                else {
                    (0,worker_io/* ioCall */.Lx)(calls.HTTP_SERVER_CLEAR_OUTGOING_RESPONSE, responseId, null);
                    console.error(response.val);
                    process.exit(1);
                }
            });
            incomingHandler.handle(request, responseOutparam);
            if (outgoingBodyStreamId) {
                (0,worker_io/* ioCall */.Lx)(calls.OUTPUT_STREAM_DISPOSE, outgoingBodyStreamId, null);
            }
        });
    }
    listen(port, host) {
        // set a dummy interval, to keep the process alive since the server is off-thread
        this.#liveEventLoopInterval = setInterval(() => { }, 10_000);
        (0,worker_io/* ioCall */.Lx)(calls.HTTP_SERVER_START, this.#id, { port, host });
    }
    address() {
        return (0,worker_io/* ioCall */.Lx)(calls.HTTP_SERVER_GET_ADDRESS, this.#id);
    }
    stop() {
        if (this.#stopped) {
            return;
        }
        clearInterval(this.#liveEventLoopInterval);
        (0,worker_io/* ioCall */.Lx)(calls.HTTP_SERVER_STOP, this.#id, null);
        httpServers.delete(this.#id);
        this.#stopped = true;
    }
    close() {
        this.stop();
    }
}

// EXTERNAL MODULE: ./node_modules/@bytecodealliance/preview2-shim/dist/nodejs/io.js
var io = __webpack_require__(46701);
// EXTERNAL MODULE: ./node_modules/@bytecodealliance/preview2-shim/dist/nodejs/random.js
var random = __webpack_require__(71014);
;// CONCATENATED MODULE: ./node_modules/@bytecodealliance/preview2-shim/dist/nodejs/sockets.js


const sockets_symbolDispose = Symbol.dispose || Symbol.for("dispose");
// Network class privately stores capabilities
class Network {
    // Compatibility with the resource placeholder in the bundled WASI 0.2.10 WIT.
    noop() { }
    #allowDnsLookup = true;
    #allowTcp = true;
    #allowUdp = true;
    static _denyDnsLookup(network = defaultNetwork) {
        network.#allowDnsLookup = false;
    }
    static _denyTcp(network = defaultNetwork) {
        network.#allowTcp = false;
    }
    static _denyUdp(network = defaultNetwork) {
        network.#allowUdp = false;
    }
    static _mayDnsLookup(network = defaultNetwork) {
        return network.#allowDnsLookup;
    }
    static _mayTcp(network = defaultNetwork) {
        return network.#allowTcp;
    }
    static _mayUdp(network = defaultNetwork) {
        return network.#allowUdp;
    }
}
const _denyDnsLookup = Network._denyDnsLookup;
// @ts-expect-error - Deleting static method
delete Network._denyDnsLookup;
const _denyTcp = Network._denyTcp;
// @ts-expect-error - Deleting static method
delete Network._denyTcp;
const _denyUdp = Network._denyUdp;
// @ts-expect-error - Deleting static method
delete Network._denyUdp;
const mayDnsLookup = Network._mayDnsLookup;
// @ts-expect-error - Deleting static method
delete Network._mayDnsLookup;
const mayTcp = Network._mayTcp;
// @ts-expect-error - Deleting static method
delete Network._mayTcp;
const mayUdp = Network._mayUdp;
// @ts-expect-error - Deleting static method
delete Network._mayUdp;
const defaultNetwork = new Network();
const instanceNetwork = {
    instanceNetwork() {
        return defaultNetwork;
    },
};
const network = {
    Network,
    networkErrorCode(error) {
        const payload = "payload" in error ? error.payload : undefined;
        if (typeof payload !== "object" || payload === null || !("code" in payload)) {
            return undefined;
        }
        const codes = {
            ECONNRESET: "connection-reset",
            ECONNREFUSED: "connection-refused",
            ECONNABORTED: "connection-aborted",
            ETIMEDOUT: "timeout",
            EACCES: "access-denied",
            EPERM: "access-denied",
            ENETUNREACH: "remote-unreachable",
        };
        return typeof payload.code === "string" ? codes[payload.code] : undefined;
    },
};
class ResolveAddressStream {
    #id = 0;
    #data = null;
    #curItem = 0;
    #error = false;
    #finalizer;
    resolveNextAddress() {
        if (!this.#data) {
            const res = (0,worker_io/* ioCall */.Lx)(calls.SOCKET_RESOLVE_ADDRESS_TAKE_REQUEST, this.#id, null);
            this.#data = res.val;
            this.#error = res.tag === "err";
        }
        if (this.#error) {
            throw this.#data;
        }
        if (this.#data && this.#curItem < this.#data.length) {
            return this.#data[this.#curItem++];
        }
        return undefined;
    }
    subscribe() {
        return (0,worker_io/* pollableCreate */._K)((0,worker_io/* ioCall */.Lx)(calls.SOCKET_RESOLVE_ADDRESS_SUBSCRIBE_REQUEST, this.#id, null), this);
    }
    static _resolveAddresses(network, name) {
        if (!(network instanceof Network) || !mayDnsLookup(network)) {
            throw "permanent-resolver-failure";
        }
        const res = new ResolveAddressStream();
        res.#id = (0,worker_io/* ioCall */.Lx)(calls.SOCKET_RESOLVE_ADDRESS_CREATE_REQUEST, null, name);
        res.#finalizer = (0,worker_io/* registerDispose */.DX)(res, null, res.#id, resolveAddressStreamDispose);
        return res;
    }
    [sockets_symbolDispose]() {
        if (this.#finalizer) {
            (0,worker_io/* earlyDispose */.LJ)(this.#finalizer);
            this.#finalizer = null;
        }
    }
}
function resolveAddressStreamDispose(id) {
    (0,worker_io/* ioCall */.Lx)(calls.SOCKET_RESOLVE_ADDRESS_DISPOSE_REQUEST, id, null);
}
const resolveAddresses = ResolveAddressStream._resolveAddresses;
// @ts-expect-error - Deleting static method
delete ResolveAddressStream._resolveAddresses;
const ipNameLookup = {
    ResolveAddressStream,
    resolveAddresses,
};
class TcpSocket {
    #id = 0;
    #network;
    #family;
    #finalizer;
    #options = {
        // defaults per https://nodejs.org/docs/latest/api/net.html#socketsetkeepaliveenable-initialdelay
        keepAlive: false,
        // Node.js doesn't give us the ability to detect the OS default,
        // therefore we hardcode the default value instead of using the OS default,
        // since we would never be able to report it as a return value otherwise.
        // We could make this configurable as a global JCO implementation configuration
        // instead.
        keepAliveIdleTime: 7200000000000n,
        // The following options are NOT configurable in Node.js!
        // Any configurations set will respond correctly, but underneath retain
        // system / Node.js defaults.
        keepAliveInterval: 1000000000n,
        keepAliveCount: 10,
        hopLimit: 1,
        // For sendBufferSize and receiveBufferSize we can at least
        // use the system defaults, but still we can't support setting them.
        sendBufferSize: undefined,
        receiveBufferSize: undefined,
    };
    static _create(addressFamily, id) {
        const socket = new TcpSocket();
        socket.#id = id;
        socket.#family = addressFamily;
        socket.#finalizer = (0,worker_io/* registerDispose */.DX)(socket, null, id, socketTcpDispose);
        return socket;
    }
    startBind(network, localAddress) {
        if (!mayTcp(network)) {
            throw "access-denied";
        }
        (0,worker_io/* ioCall */.Lx)(calls.SOCKET_TCP_BIND_START, this.#id, {
            localAddress,
            family: this.#family,
        });
        this.#network = network;
    }
    finishBind() {
        (0,worker_io/* ioCall */.Lx)(calls.SOCKET_TCP_BIND_FINISH, this.#id, null);
    }
    startConnect(network, remoteAddress) {
        if (this.#network && network !== this.#network) {
            throw "invalid-argument";
        }
        if (!mayTcp(network)) {
            throw "access-denied";
        }
        (0,worker_io/* ioCall */.Lx)(calls.SOCKET_TCP_CONNECT_START, this.#id, {
            remoteAddress,
            family: this.#family,
        });
        this.#network = network;
    }
    finishConnect() {
        const [inputStreamId, outputStreamId] = (0,worker_io/* ioCall */.Lx)(calls.SOCKET_TCP_CONNECT_FINISH, this.#id, null);
        return [
            (0,worker_io/* inputStreamCreate */.XK)(calls.SOCKET_TCP, inputStreamId),
            (0,worker_io/* outputStreamCreate */.Cs)(calls.SOCKET_TCP, outputStreamId),
        ];
    }
    startListen() {
        if (!mayTcp(this.#network)) {
            throw "access-denied";
        }
        (0,worker_io/* ioCall */.Lx)(calls.SOCKET_TCP_LISTEN_START, this.#id, null);
    }
    finishListen() {
        (0,worker_io/* ioCall */.Lx)(calls.SOCKET_TCP_LISTEN_FINISH, this.#id, null);
    }
    accept() {
        if (!mayTcp(this.#network)) {
            throw "access-denied";
        }
        const [socketId, inputStreamId, outputStreamId] = (0,worker_io/* ioCall */.Lx)(calls.SOCKET_TCP_ACCEPT, this.#id, null);
        const socket = tcpSocketCreate(this.#family, socketId);
        Object.assign(socket.#options, this.#options);
        return [
            socket,
            (0,worker_io/* inputStreamCreate */.XK)(calls.SOCKET_TCP, inputStreamId),
            (0,worker_io/* outputStreamCreate */.Cs)(calls.SOCKET_TCP, outputStreamId),
        ];
    }
    localAddress() {
        return (0,worker_io/* ioCall */.Lx)(calls.SOCKET_TCP_GET_LOCAL_ADDRESS, this.#id, null);
    }
    remoteAddress() {
        return (0,worker_io/* ioCall */.Lx)(calls.SOCKET_TCP_GET_REMOTE_ADDRESS, this.#id, null);
    }
    isListening() {
        return (0,worker_io/* ioCall */.Lx)(calls.SOCKET_TCP_IS_LISTENING, this.#id, null);
    }
    addressFamily() {
        return this.#family;
    }
    setListenBacklogSize(value) {
        if (value === 0n) {
            throw "invalid-argument";
        }
        (0,worker_io/* ioCall */.Lx)(calls.SOCKET_TCP_SET_LISTEN_BACKLOG_SIZE, this.#id, value);
    }
    keepAliveEnabled() {
        return this.#options.keepAlive;
    }
    setKeepAliveEnabled(value) {
        this.#options.keepAlive = value;
        (0,worker_io/* ioCall */.Lx)(calls.SOCKET_TCP_SET_KEEP_ALIVE, this.#id, {
            keepAlive: value,
            keepAliveIdleTime: this.#options.keepAliveIdleTime,
        });
    }
    keepAliveIdleTime() {
        return this.#options.keepAliveIdleTime;
    }
    setKeepAliveIdleTime(value) {
        if (value < 1n) {
            throw "invalid-argument";
        }
        if (value < 1000000000n) {
            value = 1000000000n;
        }
        if (value !== this.#options.keepAliveIdleTime) {
            this.#options.keepAliveIdleTime = value;
            if (this.#options.keepAlive) {
                (0,worker_io/* ioCall */.Lx)(calls.SOCKET_TCP_SET_KEEP_ALIVE, this.#id, {
                    keepAlive: true,
                    keepAliveIdleTime: this.#options.keepAliveIdleTime,
                });
            }
        }
    }
    keepAliveInterval() {
        return this.#options.keepAliveInterval;
    }
    setKeepAliveInterval(value) {
        if (value < 1n) {
            throw "invalid-argument";
        }
        this.#options.keepAliveInterval = value;
    }
    keepAliveCount() {
        return this.#options.keepAliveCount;
    }
    setKeepAliveCount(value) {
        if (value < 1) {
            throw "invalid-argument";
        }
        this.#options.keepAliveCount = value;
    }
    hopLimit() {
        return this.#options.hopLimit;
    }
    setHopLimit(value) {
        if (value < 1) {
            throw "invalid-argument";
        }
        this.#options.hopLimit = value;
    }
    receiveBufferSize() {
        if (!this.#options.receiveBufferSize) {
            this.#options.receiveBufferSize = (0,worker_io/* ioCall */.Lx)(calls.SOCKET_GET_DEFAULT_RECEIVE_BUFFER_SIZE, null, null);
        }
        return this.#options.receiveBufferSize;
    }
    setReceiveBufferSize(value) {
        if (value === 0n) {
            throw "invalid-argument";
        }
        this.#options.receiveBufferSize = value;
    }
    sendBufferSize() {
        if (!this.#options.sendBufferSize) {
            this.#options.sendBufferSize = (0,worker_io/* ioCall */.Lx)(calls.SOCKET_GET_DEFAULT_SEND_BUFFER_SIZE, null, null);
        }
        return this.#options.sendBufferSize;
    }
    setSendBufferSize(value) {
        if (value === 0n) {
            throw "invalid-argument";
        }
        this.#options.sendBufferSize = value;
    }
    subscribe() {
        return (0,worker_io/* pollableCreate */._K)((0,worker_io/* ioCall */.Lx)(calls.SOCKET_TCP_SUBSCRIBE, this.#id, null), this);
    }
    shutdown(shutdownType) {
        (0,worker_io/* ioCall */.Lx)(calls.SOCKET_TCP_SHUTDOWN, this.#id, shutdownType);
    }
    [sockets_symbolDispose]() {
        if (this.#finalizer) {
            (0,worker_io/* earlyDispose */.LJ)(this.#finalizer);
            this.#finalizer = null;
        }
    }
}
function socketTcpDispose(id) {
    (0,worker_io/* ioCall */.Lx)(calls.SOCKET_TCP_DISPOSE, id, null);
}
const tcpSocketCreate = TcpSocket._create;
// @ts-expect-error - Deleting static method
delete TcpSocket._create;
const tcpCreateSocket = {
    createTcpSocket(addressFamily) {
        if (addressFamily !== "ipv4" && addressFamily !== "ipv6") {
            throw "not-supported";
        }
        return tcpSocketCreate(addressFamily, (0,worker_io/* ioCall */.Lx)(calls.SOCKET_TCP_CREATE_HANDLE, null, null));
    },
};
const tcp = {
    TcpSocket,
};
class UdpSocket {
    #id = 0;
    #network;
    #family;
    #finalizer;
    static _create(addressFamily) {
        if (addressFamily !== "ipv4" && addressFamily !== "ipv6") {
            throw "not-supported";
        }
        const socket = new UdpSocket();
        socket.#id = (0,worker_io/* ioCall */.Lx)(calls.SOCKET_UDP_CREATE_HANDLE, null, {
            family: addressFamily,
            // we always set the unicastHopLimit, because there is no
            // getter but only a setter for this in Node.js, so it is the
            // only way to guarantee the consistent value
            unicastHopLimit: 64,
        });
        socket.#family = addressFamily;
        socket.#finalizer = (0,worker_io/* registerDispose */.DX)(socket, null, socket.#id, socketUdpDispose);
        return socket;
    }
    startBind(network, localAddress) {
        if (!mayUdp(network)) {
            throw "access-denied";
        }
        (0,worker_io/* ioCall */.Lx)(calls.SOCKET_UDP_BIND_START, this.#id, {
            localAddress,
            family: this.#family,
        });
        this.#network = network;
    }
    finishBind() {
        (0,worker_io/* ioCall */.Lx)(calls.SOCKET_UDP_BIND_FINISH, this.#id, null);
    }
    stream(remoteAddress) {
        if (!mayUdp(this.#network)) {
            throw "access-denied";
        }
        const [incomingDatagramStreamId, outgoingDatagramStreamId] = (0,worker_io/* ioCall */.Lx)(calls.SOCKET_UDP_STREAM, this.#id, remoteAddress);
        return [
            incomingDatagramStreamCreate(incomingDatagramStreamId),
            outgoingDatagramStreamCreate(outgoingDatagramStreamId),
        ];
    }
    localAddress() {
        return (0,worker_io/* ioCall */.Lx)(calls.SOCKET_UDP_GET_LOCAL_ADDRESS, this.#id);
    }
    remoteAddress() {
        return (0,worker_io/* ioCall */.Lx)(calls.SOCKET_UDP_GET_REMOTE_ADDRESS, this.#id);
    }
    addressFamily() {
        return this.#family;
    }
    unicastHopLimit() {
        return (0,worker_io/* ioCall */.Lx)(calls.SOCKET_UDP_GET_UNICAST_HOP_LIMIT, this.#id);
    }
    setUnicastHopLimit(value) {
        if (value < 1) {
            throw "invalid-argument";
        }
        (0,worker_io/* ioCall */.Lx)(calls.SOCKET_UDP_SET_UNICAST_HOP_LIMIT, this.#id, value);
    }
    receiveBufferSize() {
        return (0,worker_io/* ioCall */.Lx)(calls.SOCKET_UDP_GET_RECEIVE_BUFFER_SIZE, this.#id);
    }
    setReceiveBufferSize(value) {
        if (value === 0n) {
            throw "invalid-argument";
        }
        (0,worker_io/* ioCall */.Lx)(calls.SOCKET_UDP_SET_RECEIVE_BUFFER_SIZE, this.#id, value);
    }
    sendBufferSize() {
        return (0,worker_io/* ioCall */.Lx)(calls.SOCKET_UDP_GET_SEND_BUFFER_SIZE, this.#id);
    }
    setSendBufferSize(value) {
        if (value === 0n) {
            throw "invalid-argument";
        }
        (0,worker_io/* ioCall */.Lx)(calls.SOCKET_UDP_SET_SEND_BUFFER_SIZE, this.#id, value);
    }
    subscribe() {
        return (0,worker_io/* pollableCreate */._K)((0,worker_io/* ioCall */.Lx)(calls.SOCKET_UDP_SUBSCRIBE, this.#id, null), this);
    }
    [sockets_symbolDispose]() {
        if (this.#finalizer) {
            (0,worker_io/* earlyDispose */.LJ)(this.#finalizer);
            this.#finalizer = null;
        }
    }
}
function socketUdpDispose(id) {
    (0,worker_io/* ioCall */.Lx)(calls.SOCKET_UDP_DISPOSE, id, null);
}
const createUdpSocket = UdpSocket._create;
// @ts-expect-error - Deleting static method
delete UdpSocket._create;
class IncomingDatagramStream {
    #id = 0;
    #finalizer;
    static _create(id) {
        const stream = new IncomingDatagramStream();
        stream.#id = id;
        stream.#finalizer = (0,worker_io/* registerDispose */.DX)(stream, null, id, incomingDatagramStreamDispose);
        return stream;
    }
    receive(maxResults) {
        return (0,worker_io/* ioCall */.Lx)(calls.SOCKET_INCOMING_DATAGRAM_STREAM_RECEIVE, this.#id, maxResults);
    }
    subscribe() {
        return (0,worker_io/* pollableCreate */._K)((0,worker_io/* ioCall */.Lx)(calls.SOCKET_DATAGRAM_STREAM_SUBSCRIBE, this.#id, null), this);
    }
    [sockets_symbolDispose]() {
        if (this.#finalizer) {
            (0,worker_io/* earlyDispose */.LJ)(this.#finalizer);
            this.#finalizer = null;
        }
    }
}
function incomingDatagramStreamDispose(id) {
    (0,worker_io/* ioCall */.Lx)(calls.SOCKET_DATAGRAM_STREAM_DISPOSE, id, null);
}
const incomingDatagramStreamCreate = IncomingDatagramStream._create;
// @ts-expect-error - Deleting static method
delete IncomingDatagramStream._create;
class OutgoingDatagramStream {
    #id = 0;
    #finalizer;
    static _create(id) {
        const stream = new OutgoingDatagramStream();
        stream.#id = id;
        stream.#finalizer = (0,worker_io/* registerDispose */.DX)(stream, null, id, outgoingDatagramStreamDispose);
        return stream;
    }
    checkSend() {
        return (0,worker_io/* ioCall */.Lx)(calls.SOCKET_OUTGOING_DATAGRAM_STREAM_CHECK_SEND, this.#id, null);
    }
    send(datagrams) {
        return (0,worker_io/* ioCall */.Lx)(calls.SOCKET_OUTGOING_DATAGRAM_STREAM_SEND, this.#id, datagrams);
    }
    subscribe() {
        return (0,worker_io/* pollableCreate */._K)((0,worker_io/* ioCall */.Lx)(calls.SOCKET_DATAGRAM_STREAM_SUBSCRIBE, this.#id, null), this);
    }
    [sockets_symbolDispose]() {
        if (this.#finalizer) {
            (0,worker_io/* earlyDispose */.LJ)(this.#finalizer);
            this.#finalizer = null;
        }
    }
}
function outgoingDatagramStreamDispose(id) {
    (0,worker_io/* ioCall */.Lx)(calls.SOCKET_DATAGRAM_STREAM_DISPOSE, id, null);
}
const outgoingDatagramStreamCreate = OutgoingDatagramStream._create;
// @ts-expect-error - Deleting static method
delete OutgoingDatagramStream._create;
const udpCreateSocket = {
    createUdpSocket,
};
const udp = {
    UdpSocket,
    OutgoingDatagramStream,
    IncomingDatagramStream,
};
/** Create socket namespaces with an instance-local network capability. */
function createSockets(config = {}) {
    const localNetwork = new Network();
    if (config.enableNetwork === false) {
        _denyDnsLookup(localNetwork);
        _denyTcp(localNetwork);
        _denyUdp(localNetwork);
    }
    return {
        instanceNetwork: {
            instanceNetwork: () => localNetwork,
        },
        network,
        ipNameLookup,
        tcpCreateSocket,
        tcp,
        udpCreateSocket,
        udp,
    };
}

;// CONCATENATED MODULE: ./node_modules/@bytecodealliance/preview2-shim/dist/nodejs/index.js








;// CONCATENATED MODULE: ./node_modules/@bytecodealliance/preview2-shim/dist/common/instantiation.js

/**
 * (EXPERIMENTAL) A class that holds WASI shims and can be used to configure
 * an instantiation of a WebAssembly component transpiled with jco
 * (i.e. via `jco transpile`).
 *
 * Normally, transpiled components contain mapping for WASI interfaces
 * and/or imports that import the relevant packages (ex. `@bytecodealliance/preview2-shim/clocks`)
 * from the right sources.
 *
 * This function makes use of the `WASIShim` object to provide an object that can be easily
 * fed to the `instantiate` function produced by a transpiled component:
 *
 * ```js
 * import { WASIShim } from "@bytecodealliance/preview2-shim/instantiation"
 * // ...
 * import { instantiate } from "path/to/transpiled/component.js"
 * // ...
 * const component = await instantiate(null, new WASIShim().getImportObject())
 * ```
 *
 * You can also replace imports that you'd like to override with custom implementations,
 * by using the `WASIShim` object directly:
 *
 * ```js
 * import { random } from "@bytecodealliance/preview2-shim"
 * import { WASIShim } from "@bytecodealliance/preview2-shim/instantiation"
 * // ...
 * import { instantiate } from "path/to/transpiled/component.js"
 * // ...
 * const customWASIShim = new WASIShim({
 *     random: {
 *         // For these two interfaces we re-use the default provided shim
 *         random: random.random,
 *         insecure-seed: random.insecureSeed,
 *         // For insecure, we can supply our own custom implementation
 *         insecure: {
 *             ...
 *         }
 *     }
 * });
 *
 * const component = await instantiate(null, customWASIShim.getImportObject())
 * ```
 *
 * For sandboxing, you can configure preopens, environment variables, and other
 * capabilities via the `sandbox` option:
 *
 * ```js
 * import { WASIShim } from "@bytecodealliance/preview2-shim/instantiation"
 *
 * // Fully sandboxed - no filesystem, network, or env access
 * const sandboxedShim = new WASIShim({
 *   sandbox: {
 *     preopens: {},           // No filesystem access
 *     env: {},                // No environment variables
 *     args: ['program'],      // Custom arguments
 *     enableNetwork: false,   // Disable network (default: true for backward compat)
 *   }
 * });
 *
 * // Node.js only: limited host filesystem access
 * const limitedShim = new WASIShim({
 *   sandbox: {
 *     preopens: {
 *       '/data': '/tmp/guest-data',  // Guest sees /data, maps to /tmp/guest-data
 *       '/config': '/etc/app'        // Guest sees /config, maps to /etc/app
 *     }
 *   }
 * });
 * ```
 *
 * Browser applications should inject `filesystem` namespaces or explicitly
 * configure `browserFilesystem`; browser preopens never interpret host paths.
 *
 * Note that this object is similar but not identical to the Node `WASI` object --
 * it is solely concerned with shimming of preview2 when dealing with a WebAssembly
 * component transpiled by Jco. While this object *does* work with Node (and the browser)
 * semantics are not the same as Node's `WASI` object.
 *
 * @class WASIShim
 */
class WASIShim {
    /** Object that confirms to the shim interface for `wasi:cli` */
    #cli;
    /** Object that confirms to the shim interface for `wasi:filesystem` */
    #filesystem;
    /** Object that confirms to the shim interface for `wasi:io` */
    #io;
    /** Object that confirms to the shim interface for `wasi:random` */
    #random;
    /** Object that confirms to the shim interface for `wasi:clocks` */
    #clocks;
    /** Object that confirms to the shim interface for `wasi:sockets` */
    #sockets;
    /** Object that confirms to the shim interface for `wasi:http` */
    #http;
    /** Isolated environment for this instance */
    #environment;
    /**
     * Create a new WASIShim instance.
     *
     * @param config - Configuration options
     */
    constructor(config) {
        // Support both old 'shims' parameter name and new 'config' style
        const shims = config;
        const sandbox = shims?.sandbox;
        const defaultCli = cli;
        this.#cli =
            shims?.cli ??
                (defaultCli.createCli &&
                    (shims?.environment !== undefined ||
                        shims?.arguments !== undefined ||
                        shims?.initialCwd !== undefined ||
                        shims?.stdin !== undefined ||
                        shims?.stdout !== undefined ||
                        shims?.stderr !== undefined)
                    ? defaultCli.createCli({
                        environment: shims?.environment,
                        arguments: shims?.arguments,
                        initialCwd: shims?.initialCwd,
                        stdin: shims?.stdin,
                        stdout: shims?.stdout,
                        stderr: shims?.stderr,
                    })
                    : defaultCli);
        const defaultFilesystem = filesystem;
        if (shims?.browserFilesystem && !defaultFilesystem.createFilesystem) {
            throw new TypeError("the selected filesystem does not support browser adapters");
        }
        this.#filesystem = shims?.filesystem ?? defaultFilesystem;
        if (shims?.filesystem && sandbox?.preopens !== undefined) {
            if (!shims.filesystem.createPreopens) {
                throw new TypeError("an application-provided filesystem must implement createPreopens to use sandbox.preopens");
            }
            this.#filesystem = {
                types: shims.filesystem.types,
                preopens: shims.filesystem.createPreopens(sandbox.preopens),
                dispose: shims.filesystem.dispose?.bind(shims.filesystem),
            };
        }
        else if (shims?.browserFilesystem) {
            this.#filesystem = defaultFilesystem.createFilesystem({
                adapter: shims.browserFilesystem.adapter,
                preopens: sandbox?.preopens ?? shims.browserFilesystem.preopens,
            });
        }
        else if (sandbox?.preopens !== undefined) {
            if (!defaultFilesystem.createFilesystem) {
                throw new TypeError("the selected filesystem cannot create isolated preopens");
            }
            this.#filesystem = defaultFilesystem.createFilesystem({
                preopens: sandbox.preopens,
            });
        }
        this.#io = shims?.io ?? io;
        this.#random = shims?.random ?? random;
        this.#clocks = shims?.clocks ?? clocks_namespaceObject;
        const defaultSockets = sockets_namespaceObject;
        this.#sockets =
            shims?.sockets ??
                (defaultSockets.createSockets
                    ? defaultSockets.createSockets({
                        enableNetwork: shims?.sandbox?.enableNetwork,
                    })
                    : defaultSockets);
        if (shims?.tcpSockets) {
            this.#sockets = {
                ...this.#sockets,
                tcp: shims.tcpSockets.tcp,
                tcpCreateSocket: shims.tcpSockets.tcpCreateSocket,
            };
        }
        if (shims?.udpSockets) {
            this.#sockets = {
                ...this.#sockets,
                udp: shims.udpSockets.udp,
                udpCreateSocket: shims.udpSockets.udpCreateSocket,
            };
        }
        this.#http = shims?.http ?? http_namespaceObject;
        if (sandbox?.enableNetwork === false) {
            this.#http = {
                ...this.#http,
                outgoingHandler: {
                    ...this.#http.outgoingHandler,
                    handle() {
                        throw "access-denied";
                    },
                },
            };
        }
        if (shims?.incomingHandler) {
            if (!this.#http.createIncomingHandler) {
                throw new TypeError("the selected HTTP shim does not support Web incoming handlers");
            }
            this.#http = {
                ...this.#http,
                incomingHandler: this.#http.createIncomingHandler(shims.incomingHandler),
            };
        }
        // Create isolated environment if env or args are configured
        if (sandbox?.env !== undefined || sandbox?.args !== undefined) {
            this.#environment = createIsolatedEnvironment(sandbox?.env, sandbox?.args, this.#cli);
        }
    }
    /**
     * Generate an import object for the shim that can be used with
     * functions like `instantiate` that are exposed from a transpiled
     * WebAssembly component.
     *
     * @param opts - options for import object generation
     * @returns WASIImportObject
     */
    getImportObject(opts) {
        const versionSuffix = opts?.asVersion ? `@${opts.asVersion}` : "";
        const obj = {};
        obj[`wasi:cli/environment${versionSuffix}`] = this.#environment ?? this.#cli.environment;
        obj[`wasi:cli/exit${versionSuffix}`] = this.#cli.exit;
        obj[`wasi:cli/stderr${versionSuffix}`] = this.#cli.stderr;
        obj[`wasi:cli/stdin${versionSuffix}`] = this.#cli.stdin;
        obj[`wasi:cli/stdout${versionSuffix}`] = this.#cli.stdout;
        obj[`wasi:cli/terminal-input${versionSuffix}`] = this.#cli.terminalInput;
        obj[`wasi:cli/terminal-output${versionSuffix}`] = this.#cli.terminalOutput;
        obj[`wasi:cli/terminal-stderr${versionSuffix}`] = this.#cli.terminalStderr;
        obj[`wasi:cli/terminal-stdin${versionSuffix}`] = this.#cli.terminalStdin;
        obj[`wasi:cli/terminal-stdout${versionSuffix}`] = this.#cli.terminalStdout;
        obj[`wasi:sockets/instance-network${versionSuffix}`] = this.#sockets.instanceNetwork;
        obj[`wasi:sockets/ip-name-lookup${versionSuffix}`] = this.#sockets.ipNameLookup;
        obj[`wasi:sockets/network${versionSuffix}`] = this.#sockets.network;
        obj[`wasi:sockets/tcp${versionSuffix}`] = this.#sockets.tcp;
        obj[`wasi:sockets/tcp-create-socket${versionSuffix}`] = this.#sockets.tcpCreateSocket;
        obj[`wasi:sockets/udp${versionSuffix}`] = this.#sockets.udp;
        obj[`wasi:sockets/udp-create-socket${versionSuffix}`] = this.#sockets.udpCreateSocket;
        obj[`wasi:filesystem/preopens${versionSuffix}`] = this.#filesystem.preopens;
        obj[`wasi:filesystem/types${versionSuffix}`] = this.#filesystem.types;
        obj[`wasi:io/error${versionSuffix}`] = this.#io.error;
        obj[`wasi:io/poll${versionSuffix}`] = this.#io.poll;
        obj[`wasi:io/streams${versionSuffix}`] = this.#io.streams;
        obj[`wasi:random/random${versionSuffix}`] = this.#random.random;
        obj[`wasi:random/insecure${versionSuffix}`] = this.#random.insecure;
        obj[`wasi:random/insecure-seed${versionSuffix}`] = this.#random.insecureSeed;
        obj[`wasi:clocks/monotonic-clock${versionSuffix}`] = this.#clocks.monotonicClock;
        obj[`wasi:clocks/wall-clock${versionSuffix}`] = this.#clocks.wallClock;
        obj[`wasi:http/types${versionSuffix}`] = this.#http.types;
        obj[`wasi:http/incoming-handler${versionSuffix}`] = this.#http.incomingHandler;
        obj[`wasi:http/outgoing-handler${versionSuffix}`] = this.#http.outgoingHandler;
        return obj;
    }
}
/**
 * Create an isolated CLI environment with its own env and args.
 *
 * @param env - Environment variables
 * @param args - Command-line arguments
 * @param baseCli - The base CLI module to extend
 * @returns An isolated CLI environment object
 */
function createIsolatedEnvironment(env, args, baseCli) {
    const envEntries = env ? Object.entries(env) : null;
    const argsArray = args || null;
    return {
        ...baseCli.environment,
        getEnvironment() {
            return envEntries ?? baseCli.environment.getEnvironment();
        },
        getArguments() {
            return argsArray ?? baseCli.environment.getArguments();
        },
        initialCwd() {
            return baseCli.environment.initialCwd();
        },
    };
}


/***/ })

};
