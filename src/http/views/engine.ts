// The view engine: compiles views/*.hbs with partials and a layout; registered with express so res.render works.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import Handlebars from 'handlebars';
import type { ViewHelpers } from './helpers';

export interface ViewEngineOptions {
  /** The views/ folder (resolved from the project root, since the app runs from dist/). */
  dir: string;
  helpers: ViewHelpers;
  /** Keep compiled templates (true except while developing views). */
  cache: boolean;
}

type RenderCallback = (err: Error | null, html?: string) => void;
export type ExpressEngine = (filePath: string, options: object, callback: RenderCallback) => void;

function hbsFiles(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out = out.concat(hbsFiles(full));
    else if (name.endsWith('.hbs')) out.push(full);
  }
  return out;
}

export function createViewEngine(o: ViewEngineOptions): ExpressEngine {
  let hbs: typeof Handlebars | undefined;
  const compiled = new Map<string, Handlebars.TemplateDelegate>();

  function instance(): typeof Handlebars {
    if (hbs && o.cache) return hbs;
    const h = Handlebars.create();
    h.registerHelper(o.helpers);
    const partialsDir = join(o.dir, 'partials');
    // Partials are named by their path under views/partials: {{> nav}}, {{> agreement/party}}.
    for (const f of hbsFiles(partialsDir)) {
      const name = relative(partialsDir, f).slice(0, -'.hbs'.length).split(sep).join('/');
      h.registerPartial(name, readFileSync(f, 'utf8'));
    }
    compiled.clear();
    hbs = h;
    return h;
  }

  function template(file: string): Handlebars.TemplateDelegate {
    const h = instance();
    let tpl = compiled.get(file);
    if (!tpl) {
      tpl = h.compile(readFileSync(file, 'utf8'), { strict: false, preventIndent: true });
      compiled.set(file, tpl);
    }
    return tpl;
  }

  return (filePath, options, callback) => {
    try {
      const data = options as Record<string, unknown>;
      const body = template(filePath)(data);
      const layout = data.layout;
      if (layout === false) {
        callback(null, body);
        return;
      }
      const layoutName = typeof layout === 'string' ? layout : 'main';
      callback(null, template(join(o.dir, 'layouts', `${layoutName}.hbs`))({ ...data, body }));
    } catch (e) {
      callback(e instanceof Error ? e : new Error(String(e)));
    }
  };
}
