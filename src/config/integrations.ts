import mdx from '@astrojs/mdx';
import starlight from '@astrojs/starlight';
import starlightLinksValidator from 'starlight-links-validator';
import { createGeneratedRouteMatcher, readEntryHeaders } from './routes.ts';
import { buildSidebar } from './sidebar.ts';

const isGeneratedRoute = createGeneratedRouteMatcher(readEntryHeaders());

export const integrations = [
  starlight({
    title: 'Lambda Field Guide',
    description:
      'AWS Lambda errors and performance problems: the verbatim messages, their causes and fixes, with cited facts.',
    sidebar: buildSidebar(),
    lastUpdated: false,
    pagination: true,
    customCss: ['./src/styles/custom.css'],
    plugins: [
      starlightLinksValidator({
        errorOnRelativeLinks: true,
        errorOnInvalidHashes: true,
        exclude: ({ link }) => isGeneratedRoute(link),
      }),
    ],
  }),
  mdx(),
];
