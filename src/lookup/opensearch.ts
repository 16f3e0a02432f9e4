import { absoluteUrl } from '../config/urls';
import type { IndexLocation } from './build-index';

export interface OpenSearchOptions extends IndexLocation {
  /** At most 16 characters: browsers show it in their list of search engines. */
  shortName: string;
  description: string;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (ch) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[ch]};`);
}

/** The absolute URL template a browser fills with what the reader typed. */
export function lookupUrlTemplate(location: IndexLocation): string {
  return `${absoluteUrl('/lookup/', location.site, location.base)}?q={searchTerms}`;
}

/**
 * An OpenSearch description (https://github.com/dewitt/opensearch) so a browser can add the guide as
 * a search engine: typing an error in the address bar opens the lookup page with it.
 */
export function buildOpenSearchDescription(options: OpenSearchOptions): string {
  const shortName = options.shortName.slice(0, 16);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<OpenSearchDescription xmlns="http://a9.com/-/spec/opensearch/1.1/" xmlns:moz="http://www.mozilla.org/2006/browser/search/">',
    `  <ShortName>${escapeXml(shortName)}</ShortName>`,
    `  <Description>${escapeXml(options.description)}</Description>`,
    '  <InputEncoding>UTF-8</InputEncoding>',
    `  <Url type="text/html" method="get" template="${escapeXml(lookupUrlTemplate(options))}"/>`,
    `  <moz:SearchForm>${escapeXml(absoluteUrl('/lookup/', options.site, options.base))}</moz:SearchForm>`,
    '</OpenSearchDescription>',
    '',
  ].join('\n');
}
