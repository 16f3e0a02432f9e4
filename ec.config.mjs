// Expressive Code reads this file for the <Code> component; the settings live in src/config/.
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { expressiveCode } from './src/config/expressive-code.ts';

export default defineEcConfig(expressiveCode);
