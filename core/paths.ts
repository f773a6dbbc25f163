/** Where the project's own files are, whether running from TypeScript sources or from dist/. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function projectRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) || !fs.existsSync(path.join(dir, 'corpus'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error('policygraph: cannot find the project root');
    dir = up;
  }
  return (root = dir);
}

export const uiDistDir = (): string => path.join(projectRoot(), 'dist', 'ui');
