// Checks every link in the repository's Markdown: a relative link must name
// a file or folder inside the repository, and a `#fragment` a heading of the
// target (GitHub's anchors); a web link must be a well-formed https URL (this
// machine cannot fetch them). Usage: node scripts/check-links.mjs [files...]
// (default: the README, ARCHITECTURE, DEVELOPERS, CHANGELOG, docs/ and npm/src/README).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const root = resolve(import.meta.dirname, '..');

function markdownFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

/** The text outside fenced code blocks and inline code, line by line. */
function proseLines(text) {
  let fenced = false;
  return text.split('\n').map((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return '';
    }
    return fenced ? '' : line.replace(/`[^`]*`/g, '');
  });
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to `-`. */
function slug(heading) {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/g, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

const anchorCache = new Map();
function anchors(file) {
  if (!anchorCache.has(file)) {
    const seen = new Map();
    const found = new Set();
    let fenced = false;
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
      const heading = !fenced && /^#{1,6}\s+(.*)$/.exec(line);
      if (!heading) continue;
      const base = slug(heading[1]);
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      found.add(count ? `${base}-${count}` : base);
    }
    anchorCache.set(file, found);
  }
  return anchorCache.get(file);
}

function check(file, target) {
  if (/^(https?:|mailto:)/i.test(target)) {
    if (target.startsWith('http:') && !/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(target)) {
      return 'a web link should use https';
    }
    try {
      new URL(target);
    } catch {
      return 'not a well-formed URL';
    }
    return null;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return `an unexpected scheme`;
  const [pathPart, fragment] = target.split('#', 2);
  const path = decodeURIComponent(pathPart);
  const resolved = path ? resolve(dirname(file), path) : file;
  if (resolved !== root && !resolved.startsWith(root + sep)) return 'points outside the repository';
  if (!existsSync(resolved)) return `no such file: ${relative(root, resolved)}`;
  if (fragment !== undefined) {
    if (!statSync(resolved).isFile() || !resolved.endsWith('.md')) return 'a fragment on something not Markdown';
    if (!anchors(resolved).has(fragment)) return `no heading #${fragment} in ${relative(root, resolved)}`;
  }
  return null;
}

const files = process.argv.length > 2
  ? process.argv.slice(2).map((file) => resolve(file))
  : [
      ...['README.md', 'ARCHITECTURE.md', 'DEVELOPERS.md', 'CHANGELOG.md', 'npm/src/README.md'].map((file) => join(root, file)),
      ...markdownFiles(join(root, 'docs')),
    ];

const problems = [];
let links = 0;
for (const file of files) {
  proseLines(readFileSync(file, 'utf8')).forEach((line, index) => {
    // [text](target), ![alt](target) and <https://...> autolinks.
    const targets = [
      ...[...line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1]),
      ...[...line.matchAll(/<(https?:\/\/[^>\s]+)>/g)].map((match) => match[1]),
    ];
    for (const target of targets) {
      links += 1;
      const problem = check(file, target);
      if (problem) problems.push(`${relative(root, file)}:${index + 1}: ${target}: ${problem}`);
    }
  });
}
if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`${problems.length} of ${links} links are broken`);
  process.exit(1);
}
console.log(`    ${links} links in ${files.length} files resolve`);
