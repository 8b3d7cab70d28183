// Messages between the Batch Prediction panel and its webview. Types only: both bundles import them.

export interface BatchPredictionModel {
  endpointName: string;
  inputFile: string;
  predictionsFile: string;
  rows: number;
  predictedRows: number;
  /** Headline numbers: RMSE, MAE, R² for a numeric label, accuracy for classes. */
  metrics: Array<{ name: string; value: number }>;
  kind?: 'regression' | 'classification';
  /** Pairs for the plots (regression with a label only). */
  actual?: number[];
  predicted?: number[];
  message: string;
}

export type ToWebview = { type: 'model'; model: BatchPredictionModel };

/** `rendered`: how long the page took to draw the model (and its JS heap then, where Chromium tells). */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'openPredictions' }
  | { type: 'rendered'; ms: number; points: number; heapBytes?: number };
