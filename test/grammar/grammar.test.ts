// Grammar tests: every fixture is tokenized by VS Code's own TextMate engine and the text carrying each scope is
// compared with what the fixture expects.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  ARTICLE_SCOPE,
  MARKDOWN_INJECTION_SCOPE,
  MARKDOWN_SCOPE,
  contributedGrammars,
  repoRoot,
  scopeRuns,
  Tokenizer,
} from './textmate';

const DOUBLE = 'string.quoted.double.news-article';
const SINGLE = 'string.quoted.single.news-article';
const fixturesDir = path.join(__dirname, 'fixtures');

interface GrammarCase {
  description: string;
  grammar?: 'article' | 'markdown';
  text: string[];
  /** scope name -> the exact text of each run carrying it, in document order. */
  expect: Record<string, string[]>;
}

function loadCases(): [string, GrammarCase][] {
  const dir = path.join(fixturesDir, 'cases');
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => [path.basename(file, '.json'), JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as GrammarCase]);
}

/** String scopes are always checked: a case that expects no quotes asserts that nothing is a string. */
function expectations(expect: Record<string, string[]>): Record<string, string[]> {
  return { [DOUBLE]: [], [SINGLE]: [], ...expect };
}

function assertScopes(tokenizer: Tokenizer, text: string, expect: Record<string, string[]>): void {
  const lines = tokenizer.tokenize(text);
  for (const [scope, runs] of Object.entries(expectations(expect))) {
    assert.deepEqual(scopeRuns(lines, scope), runs, `text scoped ${scope}`);
  }
}

/** VS Code's real Markdown grammar, when a VS Code build has been downloaded for the integration tests. */
function findVsCodeMarkdownGrammar(): string | undefined {
  const downloads = path.join(repoRoot, '.vscode-test');
  if (!fs.existsSync(downloads)) return undefined;
  // Install layouts of code-server, VS Code for Linux/Windows and VS Code for macOS.
  const appDirs = [
    path.join('node_modules', 'code-server', 'lib', 'vscode'),
    path.join('resources', 'app'),
    path.join('Visual Studio Code.app', 'Contents', 'Resources', 'app'),
  ];
  for (const build of fs.readdirSync(downloads)) {
    for (const appDir of appDirs) {
      const grammar = path.join(downloads, build, appDir, 'extensions', 'markdown-basics', 'syntaxes', 'markdown.tmLanguage.json');
      if (fs.existsSync(grammar)) return grammar;
    }
  }
  return undefined;
}

const readJson = (file: string): object => JSON.parse(fs.readFileSync(file, 'utf8')) as object;

describe('news-article grammar', function () {
  let article: Tokenizer;
  let markdownHosts: [string, Tokenizer][];

  before(async function () {
    article = await Tokenizer.create(ARTICLE_SCOPE);
    markdownHosts = [
      ['minimal Markdown host', await Tokenizer.create(MARKDOWN_SCOPE, { [MARKDOWN_SCOPE]: readJson(path.join(fixturesDir, 'markdown-host.tmLanguage.json')) })],
    ];
    const vscodeMarkdown = findVsCodeMarkdownGrammar();
    if (vscodeMarkdown) {
      markdownHosts.push(['VS Code Markdown grammar', await Tokenizer.create(MARKDOWN_SCOPE, { [MARKDOWN_SCOPE]: readJson(vscodeMarkdown) })]);
    } else {
      console.warn('    (VS Code Markdown grammar not found under .vscode-test: injection tested with the minimal host only)');
    }
  });

  describe('cases', function () {
    for (const [name, testCase] of loadCases()) {
      it(`${name}: ${testCase.description}`, function () {
        const text = testCase.text.join('\n');
        if (testCase.grammar === 'markdown') {
          for (const [host, tokenizer] of markdownHosts) {
            try {
              assertScopes(tokenizer, text, testCase.expect);
            } catch (error) {
              if (error instanceof assert.AssertionError) error.message = `with the ${host}: ${error.message}`;
              throw error;
            }
          }
        } else {
          assertScopes(article, text, testCase.expect);
        }
      });
    }
  });

  describe('sample corpus', function () {
    const corpusDir = path.join(repoRoot, 'corpus');
    const expected = (readJson(path.join(fixturesDir, 'corpus-quotes.json')) as { articles: Record<string, Record<string, string[]>> })
      .articles;
    const articles = fs.readdirSync(corpusDir).filter((file) => file.endsWith('.txt')).sort();

    it('has expected quotations for every article', function () {
      assert.ok(articles.length > 0, 'no articles in corpus/');
      assert.deepEqual(articles, Object.keys(expected).sort());
    });

    for (const file of articles) {
      it(`${file}: each quotation is a string and nothing else is`, function () {
        assert.ok(expected[file], `no expected quotations for ${file} in fixtures/corpus-quotes.json`);
        assertScopes(article, fs.readFileSync(path.join(corpusDir, file), 'utf8'), expected[file]);
      });
    }
  });

  describe('contribution', function () {
    const manifest = readJson(path.join(repoRoot, 'package.json')) as {
      contributes: { languages: { id: string; extensions?: string[]; filenames?: string[]; filenamePatterns?: string[] }[] };
    };

    it('contributes the news-article language without claiming .txt files everywhere', function () {
      const language = manifest.contributes.languages.find((l) => l.id === 'news-article');
      assert.ok(language, 'news-article language missing');
      assert.deepEqual(language.extensions ?? [], []);
      assert.deepEqual(language.filenamePatterns ?? [], []);
    });

    it('contributes the article grammar for the language and the injection into Markdown', function () {
      const grammars = contributedGrammars();
      const articleGrammar = grammars.find((g) => g.scopeName === ARTICLE_SCOPE);
      const injection = grammars.find((g) => g.scopeName === MARKDOWN_INJECTION_SCOPE);
      assert.ok(articleGrammar && injection);
      assert.equal((articleGrammar as { language?: string }).language, 'news-article');
      assert.deepEqual(injection.injectTo, [MARKDOWN_SCOPE]);
      for (const grammar of [articleGrammar, injection]) {
        const raw = readJson(path.join(repoRoot, grammar.path)) as { scopeName: string };
        assert.equal(raw.scopeName, grammar.scopeName, `${grammar.path} declares another scopeName`);
      }
    });

    it('language configuration auto-closes curly quotes and keeps apostrophes inside words', function () {
      const config = readJson(path.join(repoRoot, 'language-configuration.json')) as {
        autoClosingPairs: { open: string; close: string }[];
        wordPattern: { pattern: string; flags?: string };
      };
      for (const [open, close] of [['“', '”'], ['‘', '’'], ['"', '"']]) {
        assert.ok(config.autoClosingPairs.some((p) => p.open === open && p.close === close), `${open}${close} not auto-closed`);
      }
      const words = 'Britain’s rock-solid don\'t ’90s'.match(new RegExp(config.wordPattern.pattern, `g${config.wordPattern.flags ?? ''}`));
      assert.deepEqual(words, ['Britain’s', 'rock-solid', 'don\'t', '90s']);
    });
  });
});
