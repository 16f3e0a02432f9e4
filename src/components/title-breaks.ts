/**
 * Where a title may break without a hyphen: after the dot, slash, colon or underscore inside an
 * identifier (`Runtime.|OutOfMemory`) and between the words of a camel-case name
 * (`SubnetIP|Address|Limit|Reached|Exception`). A narrow screen then wraps `Runtime.OutOfMemory` at
 * a word boundary instead of splitting a word, and copying the title still copies it unchanged.
 */
export function splitForWrapping(title: string): string[] {
  return title.split(/(?<=[./:_])(?=\w)|(?<=[a-z])(?=[A-Z])/);
}
