// Finds text in src/ that a user may read and that does not go through l10n.t (vscode.l10n in the VS Code layers,
// @vscode/l10n in model, aws and the webview apps, both reading the extension's l10n bundle). Two kinds of literal
// count as user-facing:
// - prose: a string or template whose text, outside HTML tags and `${}`, has two words in a row;
// - a capitalised word ("Stop", "Delete…") where VS Code shows it: a message, a button, a label, a title.
// Not counted: the message of l10n.t itself, module specifiers, log lines (the Output channel is for bug
// reports, in English), text compared with AWS's own messages (includes/startsWith/…), type positions, and a
// literal on a line marked `// l10n-exempt: <why>` (or the line after such a comment).
import * as ts from 'typescript';

export interface Finding {
  line: number;
  text: string;
}

const DISPLAY_PROPERTIES = new Set([
  'label',
  'title',
  'placeHolder',
  'prompt',
  'description',
  'detail',
  'tooltip',
  'message',
  'text',
  'validationMessage',
  'buttonLabel',
  'openLabel',
  'saveLabel',
]);
const DISPLAY_CALLS = /(^|\.)(show(Information|Warning|Error)Message|showQuickPick|showInputBox|setStatusBarMessage)$/;
const LOG_CALL = /(^|\.)(log|logger|output|channel)\.(info|warn|error|debug|trace|appendLine|append)$/i;
const MATCHING_CALLS = /\.(includes|startsWith|endsWith|indexOf|match|test|search|replace|replaceAll|split)$/;
const MODULE_CALLS = /^(require|import)$/;

function literalText(node: ts.Node): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return node.head.text + node.templateSpans.map((span) => `{}${span.literal.text}`).join('');
  return undefined;
}

/** Text outside HTML tags, with character references read as a space. */
function visibleText(text: string): string {
  return text.replace(/<[^>]*>/g, ' ').replace(/&[#\w]+;/g, ' ');
}

const isProse = (text: string) => /[A-Za-z][a-z'’]+[,:;]?\s+(a|I|[A-Za-z][a-z'’-]+)\b/.test(visibleText(text));
const isCapitalisedWord = (text: string) => /^[A-Z][a-z]+(…|\.\.\.|\?)?$/.test(text.trim());

function calleeText(call: ts.CallExpression | ts.NewExpression, source: ts.SourceFile): string {
  return call.expression.getText(source).replace(/\s+/g, '');
}

function isL10nCall(node: ts.Node, source: ts.SourceFile): node is ts.CallExpression {
  return ts.isCallExpression(node) && /(^|\.)l10n\.t$/.test(calleeText(node, source));
}

/** Whether VS Code shows this literal as it is: a dialog's text or button, or a display property's value. */
function inDisplayPosition(node: ts.Node, source: ts.SourceFile): boolean {
  let child: ts.Node = node;
  let parent = node.parent;
  // Through `a ? 'x' : 'y'`, `a ?? 'x'`, `('x')` and `['x', 'y']` to where the value goes.
  while (
    ts.isConditionalExpression(parent) ||
    ts.isParenthesizedExpression(parent) ||
    ts.isArrayLiteralExpression(parent) ||
    (ts.isBinaryExpression(parent) &&
      [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken].includes(parent.operatorToken.kind))
  ) {
    if (ts.isConditionalExpression(parent) && parent.condition === child) return false;
    child = parent;
    parent = parent.parent;
  }
  if (ts.isPropertyAssignment(parent) && parent.initializer === child)
    return DISPLAY_PROPERTIES.has(parent.name.getText(source));
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken)
    return ts.isPropertyAccessExpression(parent.left) && DISPLAY_PROPERTIES.has(parent.left.name.text);
  if (ts.isCallExpression(parent) && parent.expression !== child) return DISPLAY_CALLS.test(calleeText(parent, source));
  return false;
}

function exemptLines(source: ts.SourceFile): Set<number> {
  const lines = new Set<number>();
  source.text.split('\n').forEach((line, index) => {
    const at = line.indexOf('// l10n-exempt:');
    if (at < 0) return;
    lines.add(index);
    if (line.slice(0, at).trim() === '') lines.add(index + 1);
  });
  return lines;
}

export function findUnlocalisedText(fileName: string, code: string): Finding[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  const exempt = exemptLines(source);
  const findings: Finding[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isTypeNode(node)) return;
    if (ts.isCallExpression(node)) {
      const callee = calleeText(node, source);
      if (LOG_CALL.test(callee) || MODULE_CALLS.test(callee)) return;
      if (MATCHING_CALLS.test(callee)) {
        visit(node.expression);
        return;
      }
      if (isL10nCall(node, source)) {
        node.arguments.slice(1).forEach(visit);
        return;
      }
    }
    const text = literalText(node);
    if (text !== undefined) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      if (!exempt.has(line) && (isProse(text) || (isCapitalisedWord(text) && inDisplayPosition(node, source))))
        findings.push({ line: line + 1, text: text.length > 90 ? `${text.slice(0, 87)}...` : text });
      if (ts.isTemplateExpression(node)) node.templateSpans.forEach((span) => visit(span.expression));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}
