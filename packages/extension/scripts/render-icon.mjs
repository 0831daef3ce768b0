// Renders the extension's icon (images/icon.png, 256×256, for the Marketplace and the Extensions view)
// from images/icon.svg with resvg. Run after changing the SVG: node packages/extension/scripts/render-icon.mjs
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const images = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../images');
const svg = fs.readFileSync(path.join(images, 'icon.svg'), 'utf8');
const png = new Resvg(svg, { fitTo: { mode: 'width', value: 256 } }).render().asPng();
fs.writeFileSync(path.join(images, 'icon.png'), png);
console.log(`images/icon.png: ${png.length} bytes`);
