// Jest's native ESM mode hands an ES import of a CommonJS module its whole `module.exports`, ignoring
// `__esModule`; Vite does not. ra-language-russian ships its ES build without `"type": "module"`, so the
// tests load the CommonJS build through this shim and get the messages as the default export, as Vite does.
import russianModule from 'ra-language-russian/dist/cjs/index.js';

export default russianModule.default;
