export const id = 420;
export const ids = [420];
export const modules = {

/***/ 64420:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   deleteRunArtifact: () => (/* binding */ deleteRunArtifact),
/* harmony export */   downloadArtifact: () => (/* binding */ downloadArtifact),
/* harmony export */   listRunArtifacts: () => (/* binding */ listRunArtifacts),
/* harmony export */   uploadFiles: () => (/* binding */ uploadFiles)
/* harmony export */ });
/* harmony import */ var _actions_artifact__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37599);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77094);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var _report_build_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2268);
/**
 * Artifacts with the official client: upload the outputs and reports, download a base run's
 * report (REST token), and list, download and delete this run's shard artifacts (runtime token).
 */





function artifactUrl(id, env = process.env) {
    const run = (0,_report_build_js__WEBPACK_IMPORTED_MODULE_4__/* .runUrl */ .Vp)(env);
    return id === null || run === null ? null : `${run}/artifacts/${id}`;
}
/** Lays the files out under one root (hard links where possible, copies otherwise), then uploads. */
async function uploadFiles(files, opts) {
    const root = await node_fs__WEBPACK_IMPORTED_MODULE_2__.promises.mkdtemp(node_path__WEBPACK_IMPORTED_MODULE_3__.join(opts.tempDir, 'preinit-artifact-'));
    try {
        const staged = [];
        for (const f of files) {
            const dest = node_path__WEBPACK_IMPORTED_MODULE_3__.join(root, ...f.name.split('/'));
            await node_fs__WEBPACK_IMPORTED_MODULE_2__.promises.mkdir(node_path__WEBPACK_IMPORTED_MODULE_3__.dirname(dest), { recursive: true });
            try {
                await node_fs__WEBPACK_IMPORTED_MODULE_2__.promises.link(f.source, dest);
            }
            catch {
                await node_fs__WEBPACK_IMPORTED_MODULE_2__.promises.copyFile(f.source, dest);
            }
            staged.push(dest);
        }
        const client = new _actions_artifact__WEBPACK_IMPORTED_MODULE_0__/* .DefaultArtifactClient */ .t9();
        if (opts.overwrite) {
            try {
                await client.deleteArtifact(opts.name);
                _actions_core__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq(`Deleted the earlier artifact named ${opts.name}`);
            }
            catch (e) {
                if (!(e instanceof _actions_artifact__WEBPACK_IMPORTED_MODULE_0__/* .ArtifactNotFoundError */ .CL))
                    throw e;
            }
        }
        const res = await client.uploadArtifact(opts.name, staged, root, {
            retentionDays: opts.retentionDays,
            compressionLevel: opts.compressionLevel,
        });
        const id = res.id ?? null;
        return { id, size: res.size ?? null, digest: res.digest ?? null, url: artifactUrl(id) };
    }
    finally {
        await node_fs__WEBPACK_IMPORTED_MODULE_2__.promises.rm(root, { recursive: true, force: true });
    }
}
/**
 * Downloads (and unzips) an artifact into `dir`: of this run with the runtime token, or of
 * another run (`from`) through the public API.
 */
async function downloadArtifact(id, dir, from) {
    const findBy = from && { token: from.token, workflowRunId: from.workflowRunId, repositoryOwner: from.repository.split('/')[0], repositoryName: from.repository.split('/')[1] };
    // The client's unzip (unzip-stream) still calls `new Buffer()`: Node prints DEP0005 to the
    // step's log on every download (actions/toolkit#2003). Not ours to fix, so not shown.
    const quiet = process.noDeprecation;
    process.noDeprecation = true;
    try {
        await new _actions_artifact__WEBPACK_IMPORTED_MODULE_0__/* .DefaultArtifactClient */ .t9().downloadArtifact(id, { path: dir, findBy });
    }
    finally {
        process.noDeprecation = quiet;
    }
}
/** Every artifact this run's jobs have uploaded so far (the runtime token's run). */
async function listRunArtifacts() {
    const { artifacts } = await new _actions_artifact__WEBPACK_IMPORTED_MODULE_0__/* .DefaultArtifactClient */ .t9().listArtifacts();
    return artifacts.map((a) => ({ id: a.id, name: a.name }));
}
/** Deletes an artifact of this run by name, with the runtime token (no REST permission needed). */
async function deleteRunArtifact(name) {
    await new _actions_artifact__WEBPACK_IMPORTED_MODULE_0__/* .DefaultArtifactClient */ .t9().deleteArtifact(name);
}


/***/ })

};
