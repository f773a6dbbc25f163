/**
 * The `policygraph` command line (commander). Command names, flags and --json shapes are
 * stable: scripts and outside checks call them.
 */
import { Command, InvalidArgumentError, Option } from 'commander';
import { isPolicygraphError, PolicygraphError } from '../core/errors.js';
import { ttyProgress } from '../core/progress.js';
import { ENTITY_TYPES, type EntityType } from '../ingest/types.js';
import { openContext, type Context } from './context.js';
import * as out from './format.js';

const positiveInt = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new InvalidArgumentError('expected a whole number from 1 to 1000');
  return n;
};

const port = (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number');
  return n;
};

interface Common {
  data?: string;
  json?: boolean;
}

/** Opens the context, runs `fn`, always closes the store. */
async function withContext<T>(opts: Common, model: boolean, fn: (ctx: Context) => Promise<T>): Promise<T> {
  const ctx = await openContext({ dataDir: opts.data }, { model });
  try {
    return await fn(ctx);
  } finally {
    await ctx.close();
  }
}

function print(opts: Common, value: unknown, human: () => string): void {
  process.stdout.write(opts.json ? `${JSON.stringify(value, null, 2)}\n` : `${human()}\n`);
}

export function buildProgram(): Command {
  const program = new Command('policygraph')
    .description('Knowledge graph and semantic search over policy documents')
    .showHelpAfterError()
    .exitOverride();
  const data = () => new Option('--data <dir>', 'embedded store folder (env POLICYGRAPH_DATA, default ./data)');
  const json = () => new Option('--json', 'print JSON');

  program
    .command('ingest')
    .description('ingest files and folders (txt, md, html, docx, pdf; UTF-8 or GB18030)')
    .argument('<paths...>', 'files or folders')
    .addOption(data())
    .addOption(json())
    .option('--force', 're-extract documents whose content is unchanged')
    .action(async (paths: string[], opts: Common & { force?: boolean }) => {
      const { ingestPaths } = await import('../ingest/pipeline.js');
      await withContext(opts, true, async (ctx) => {
        const report = await ingestPaths(paths, { ...ctx, progress: ttyProgress() }, { force: opts.force });
        const counts = await ctx.store.counts();
        print(opts, { ...report, counts }, () => out.ingestReport(report, counts));
        if (report.errors.length) process.exitCode = 1;
      });
    });

  program
    .command('ask')
    .description('answer a question in Chinese or English, with evidence')
    .argument('<question>')
    .option('--k <n>', 'how many answers', positiveInt, 10)
    .option('--doc <ids>', 'only use evidence from these documents (comma-separated ids)')
    .addOption(data())
    .addOption(json())
    .action(async (question: string, opts: Common & { k: number; doc?: string }) => {
      const { ask } = await import('../search/ask.js');
      await withContext(opts, true, async (ctx) => {
        const docIds = opts.doc?.split(',').map((d) => d.trim()).filter(Boolean);
        const result = await ask(ctx, question, { k: opts.k, docIds });
        print(opts, result, () => out.askResult(result));
      });
    });

  program
    .command('search')
    .description('hybrid (lexical + vector + graph) passage search')
    .argument('<query>')
    .option('--k <n>', 'how many passages', positiveInt, 10)
    .addOption(data())
    .addOption(json())
    .action(async (query: string, opts: Common & { k: number }) => {
      const { hybridSearch } = await import('../search/hybrid.js');
      await withContext(opts, true, async (ctx) => {
        const result = await hybridSearch(ctx, query, { k: opts.k });
        print(opts, result, () => out.searchResult(result));
      });
    });

  program
    .command('entities')
    .description('list entities')
    .addOption(new Option('--type <type>', 'entity type').choices([...ENTITY_TYPES]))
    .option('--doc <id>', 'only entities mentioned in this document')
    .addOption(data())
    .addOption(json())
    .action(async (opts: Common & { type?: EntityType; doc?: string }) => {
      await withContext(opts, false, async (ctx) => {
        const entities = await ctx.store.listEntities({ type: opts.type, docIds: opts.doc ? [opts.doc] : undefined });
        print(opts, { entities }, () => out.entityTable(entities));
      });
    });

  program
    .command('documents')
    .description('list ingested documents')
    .addOption(data())
    .addOption(json())
    .action(async (opts: Common) => {
      await withContext(opts, false, async (ctx) => {
        const documents = await ctx.store.listDocuments();
        print(opts, { documents }, () => out.documentTable(documents));
      });
    });

  program
    .command('delete')
    .description('remove a document and everything only it supported')
    .argument('<docId>')
    .addOption(data())
    .addOption(json())
    .action(async (docId: string, opts: Common) => {
      await withContext(opts, false, async (ctx) => {
        const deleted = await ctx.store.deleteDocument(docId);
        if (!deleted) throw new PolicygraphError('NOT_FOUND', `no document ${docId}`);
        print(opts, { deleted }, () => `deleted ${docId}`);
      });
    });

  program
    .command('serve')
    .description('serve the API and the explorer')
    .option('--port <n>', 'port (env PORT, default 3000)', port)
    .option('--host <host>', 'interface (env HOST, default 127.0.0.1)')
    .addOption(data())
    .action(async (opts: Common & { port?: number; host?: string }) => {
      const { startServer } = await import('../api/server.js');
      const { createLogger } = await import('../core/log.js');
      const ctx = await openContext({ dataDir: opts.data, port: opts.port, host: opts.host }, { model: true });
      const log = createLogger(ctx.config);
      const { server, url } = await startServer({ ...ctx, log });
      process.stderr.write(`policygraph explorer: ${url}/  (store: ${ctx.store.kind}, model: ${ctx.modelStatus.available ? ctx.modelStatus.modelId : 'none, lexical only'})\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          log.info('shutting down');
          server.close(() => resolve());
          setTimeout(() => resolve(), 5000).unref();
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await ctx.close();
    });

  program
    .command('eval')
    .description('score answers against a questions file (hit@1, recall@k, MRR, evidence validity)')
    .argument('<questions.json>')
    .addOption(data())
    .addOption(json())
    .action(async (file: string, opts: Common) => {
      const { evaluate, formatReport } = await import('../search/eval.js');
      await withContext(opts, true, async (ctx) => {
        const report = await evaluate(ctx, file);
        print(opts, report, () => formatReport(report));
      });
    });

  program
    .command('eval-extract')
    .description('score extraction against gold annotations (P/R/F1 per entity and relation type)')
    .argument('[gold...]', 'gold files (default: test/gold/*.gold.json and test/gold/unseen/*.gold.json)')
    .addOption(json())
    .action(async (gold: string[], opts: Common) => {
      const { runExtractionEval, formatExtractionReport, defaultGoldFiles } = await import('../ingest/eval-extract.js');
      const files = gold.length ? gold : await defaultGoldFiles();
      const report = await runExtractionEval(files);
      print(opts, report, () => formatExtractionReport(report));
    });

  program
    .command('export')
    .description('copy the embedded store into Neo4j (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE)')
    .addOption(new Option('--to <target>', 'target store').choices(['neo4j']).makeOptionMandatory())
    .addOption(data())
    .addOption(json())
    .action(async (opts: Common & { to: 'neo4j' }) => {
      const { loadConfig } = await import('../core/config.js');
      const { EmbeddedStore } = await import('../graph/embedded-store.js');
      const { openStore } = await import('../graph/open-store.js');
      const { exportStore } = await import('../graph/export.js');
      const config = loadConfig(process.env, { dataDir: opts.data });
      if (!config.neo4j) throw new PolicygraphError('CONFIG', 'export --to neo4j needs NEO4J_URI (and NEO4J_USERNAME, NEO4J_PASSWORD)');
      const from = new EmbeddedStore(config.dataDir);
      await from.init();
      const to = await openStore(config);
      try {
        const progress = ttyProgress(process.stderr, 'export');
        const result = await exportStore(from, to, (done: number, total: number, id: string) => progress.update(done, total, id));
        progress.done();
        const counts = await to.counts();
        print(opts, { ...result, counts }, () => `exported to ${config.neo4j!.uri}: ${JSON.stringify(counts)}`);
      } finally {
        await from.close();
        await to.close();
      }
    });

  return program;
}

/** Runs the CLI; returns the exit code (0 ok, 1 partial failure or error, 2 usage). */
export async function run(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return Number(process.exitCode ?? 0);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help') return 0;
    if (typeof code === 'string' && code.startsWith('commander.')) return 2;
    if (isPolicygraphError(e)) {
      process.stderr.write(`policygraph: ${e.message} [${e.code}]\n`);
      return 1;
    }
    process.stderr.write(`policygraph: unexpected error: ${(e as Error)?.stack ?? e}\n`);
    return 1;
  }
}
