// Feature importance from the SageMaker Clarify analysis Autopilot writes for its best candidate
// (analysis.json: explanations.kernel_shap.<label>.global_shap_values), largest first.
import * as l10n from '@vscode/l10n';

export interface FeatureImportance {
  feature: string;
  value: number;
}

export function globalShapValues(text: string): FeatureImportance[] {
  const doc = JSON.parse(text) as {
    explanations?: { kernel_shap?: Record<string, { global_shap_values?: Record<string, unknown> }> };
  };
  const labels = Object.values(doc.explanations?.kernel_shap ?? {});
  if (labels.length === 0) throw new Error(l10n.t('no explanations.kernel_shap section'));
  // Several labels (multiclass): average the absolute values per feature.
  const sums = new Map<string, number>();
  for (const label of labels) {
    for (const [feature, value] of Object.entries(label.global_shap_values ?? {})) {
      if (typeof value === 'number' && Number.isFinite(value))
        sums.set(feature, (sums.get(feature) ?? 0) + Math.abs(value) / labels.length);
    }
  }
  return [...sums.entries()].map(([feature, value]) => ({ feature, value })).sort((a, b) => b.value - a.value);
}
