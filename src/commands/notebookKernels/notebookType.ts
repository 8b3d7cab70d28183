/** VS Code's notebook type of .ipynb files (the Jupyter extension's serializer): the notebooks our kernels serve. */
export const NOTEBOOK_TYPE = 'jupyter-notebook';
