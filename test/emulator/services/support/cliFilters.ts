// The AWS CLI's --exclude/--include filters of `aws s3 cp|sync --recursive`: every file is included to
// begin with, each filter in order includes or excludes the files its pattern matches, so the last
// matching filter decides. Patterns are matched against the path relative to the source prefix with
// Unix wildcards (`*` crosses `/`, `?` one character, `[seq]`), as the CLI's fnmatch does.

export interface CliFilter {
  kind: 'exclude' | 'include';
  pattern: string;
}

function wildcard(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') source += '.*';
    else if (c === '?') source += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) source += '\\[';
      else {
        const body = pattern.slice(i + 1, end);
        source += `[${body.startsWith('!') ? `^${body.slice(1)}` : body}]`;
        i = end;
      }
    } else source += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 's');
}

export function s3CpIncludes(relativePath: string, filters: CliFilter[]): boolean {
  let included = true;
  for (const filter of filters) if (wildcard(filter.pattern).test(relativePath)) included = filter.kind === 'include';
  return included;
}
