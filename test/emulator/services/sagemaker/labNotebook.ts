// The lab's data-preparation notebook (seed 001) as its on-start script copies it from S3: the abalone slice
// as a pandas table and a matplotlib plot, the outputs a person running it on the instance looks for. The data
// is inline so the notebook runs on the instance's kernel with no S3 access from inside it.
import { abaloneCsv } from './abaloneData';

const source = (text: string) => text.split(/(?<=\n)/);

const markdown = (text: string) => ({ cell_type: 'markdown', metadata: {}, source: source(text) });

const code = (text: string) => ({
  cell_type: 'code',
  execution_count: null,
  metadata: {},
  outputs: [],
  source: source(text),
});

export function labDataPreparationNotebook(): string {
  const notebook = {
    cells: [
      markdown('# Lab 1: data preparation\n\nA first look at the abalone data: the rings give the age.'),
      code(
        [
          'import io',
          'import pandas as pd',
          '',
          `ABALONE = """${abaloneCsv(true).trimEnd()}"""`,
          'abalone = pd.read_csv(io.StringIO(ABALONE))',
          'print(f"{len(abalone)} abalone, {abalone.shape[1]} columns")',
        ].join('\n'),
      ),
      code('abalone.head(5)'),
      code(
        [
          '%matplotlib inline',
          'import matplotlib.pyplot as plt',
          '',
          'fig, ax = plt.subplots(figsize=(6, 3.5))',
          "for sex, group in abalone.groupby('sex'):",
          "    ax.scatter(group['length'], group['rings'], label=sex)",
          "ax.set_xlabel('length (mm / 200)')",
          "ax.set_ylabel('rings')",
          "ax.set_title('Rings by shell length')",
          "ax.legend(title='sex')",
          'plt.show()',
        ].join('\n'),
      ),
    ],
    metadata: {
      kernelspec: { display_name: 'conda_python3', language: 'python', name: 'conda_python3' },
      language_info: { name: 'python' },
    },
    nbformat: 4,
    nbformat_minor: 4,
  };
  return `${JSON.stringify(notebook, null, 1)}\n`;
}
