// The URI schemes of the extension's file systems, apart from their code, which loads on first use.

/** A notebook instance's Jupyter files: sagemaker-notebook://<instance>/<path>. */
export const INSTANCE_FILES_SCHEME = 'sagemaker-notebook';
/** A Studio JupyterLab space's home folder: sagemaker-space://<domainId>/<spaceName>/<path>. */
export const SPACE_FILES_SCHEME = 'sagemaker-space';
/** A notebook instance lifecycle configuration's scripts as files. */
export const LIFECYCLE_SCHEME = 'sagemaker-lifecycle';
