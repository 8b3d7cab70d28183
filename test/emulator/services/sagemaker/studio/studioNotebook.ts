// The notebook seed 003's Studio work keeps in the Studio bucket: the abalone data the chapter uploads
// (abalone_with_headers.csv) explored with pandas and a matplotlib plot, which run on the emulator's kernels.
const cell = (type: 'markdown' | 'code', source: string[]) => ({
  cell_type: type,
  metadata: {},
  source: source.map((line, i) => (i < source.length - 1 ? `${line}\n` : line)),
  ...(type === 'code' ? { execution_count: null, outputs: [] } : {}),
});

export function abaloneExplorationNotebook(): string {
  const notebook = {
    cells: [
      cell('markdown', [
        '# Abalone rings',
        'The raw data of the Autopilot experiment (`abalone_with_headers.csv`), before codifying it.',
      ]),
      cell('code', [
        'import pandas as pd',
        'abalone = pd.read_csv("abalone_with_headers.csv")',
        'print(abalone.shape)',
        'abalone.describe()',
      ]),
      cell('code', [
        '%matplotlib inline',
        'ax = abalone.plot.scatter(x="length", y="rings", title="Rings by shell length")',
      ]),
    ],
    metadata: {
      kernelspec: { display_name: 'conda_python3', language: 'python', name: 'conda_python3' },
      language_info: { name: 'python' },
    },
    nbformat: 4,
    nbformat_minor: 5,
  };
  return `${JSON.stringify(notebook, null, 1)}\n`;
}
