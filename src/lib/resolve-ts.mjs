// Lets Node run Masthead's TypeScript modules directly (`node --experimental-strip-types
// --import ./src/lib/resolve-ts.mjs src/cli/x.ts`): Node strips the types, and this hook
// resolves their extensionless relative imports to `.ts`, as Vite does in a build.
// Plain JavaScript, so it loads before any TypeScript does.
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (/^\.\.?\//.test(specifier) && !/\.[cm]?[jt]s$/.test(specifier) && context.parentURL?.endsWith('.ts')) {
      try {
        return nextResolve(`${specifier}.ts`, context);
      } catch {
        // Not a TypeScript module: resolve it as written.
      }
    }
    return nextResolve(specifier, context);
  },
});
