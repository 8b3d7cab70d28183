// VS Code's own look for webview controls, from @vscode-elements/elements (Lit web components styled with
// the theme's variables; their styles are adopted stylesheets, which the strict CSP allows). Only the
// components used are imported, so each bundle carries just those.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';

export function vsButton(
  label: string,
  onClick: () => void,
  options: { secondary?: boolean; title?: string } = {},
): HTMLElement {
  const button = document.createElement('vscode-button');
  button.textContent = label;
  if (options.secondary) button.setAttribute('secondary', '');
  if (options.title) button.title = options.title;
  button.addEventListener('click', onClick);
  return button;
}

export function vsTextfield(placeholder: string, value: string, onInput: (value: string) => void): HTMLElement {
  const field = document.createElement('vscode-textfield') as HTMLElement & { value: string; placeholder: string };
  field.placeholder = placeholder;
  field.value = value;
  field.setAttribute('aria-label', placeholder);
  field.addEventListener('input', () => onInput(field.value));
  return field;
}

export function vsSelect(
  label: string,
  options: Array<{ value: string; text: string }>,
  value: string,
  onChange: (value: string) => void,
): HTMLElement {
  const select = document.createElement('vscode-single-select') as HTMLElement & { value: string };
  select.setAttribute('aria-label', label);
  for (const o of options) {
    const option = document.createElement('vscode-option') as HTMLElement & { value: string; selected: boolean };
    option.value = o.value;
    option.textContent = o.text;
    option.selected = o.value === value;
    select.append(option);
  }
  select.addEventListener('change', () => onChange(select.value));
  return select;
}
