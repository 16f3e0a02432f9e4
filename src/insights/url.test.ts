import { describe, expect, it } from 'vitest';
import { consoleUrl, toJsurl } from './index.ts';

describe('consoleUrl', () => {
  it("reproduces the reference's console-verified example A exactly", () => {
    const url = consoleUrl({
      region: 'us-west-2',
      host: 'global',
      range: { start: '2025-05-30T04:00:00.000Z', end: '2025-05-30T05:00:00.000Z' },
      timezone: 'LOCAL',
      query: 'fields @timestamp, @message, @logStream, @log\n| sort @timestamp desc\n| limit 10000',
      queryId: '66cfc23a-37bd-44b6-b0fd-dd12d4a40cdc',
      logGroups: ['arn:aws:logs:us-west-2:632745187633:log-group:prod-11155111-bonsai-prover-11155111'],
      language: 'CWLI',
    });
    expect(url).toBe(
      "https://console.aws.amazon.com/cloudwatch/home?region=us-west-2#logsV2:logs-insights$3FqueryDetail$3D~(end~'2025-05-30T05*3a00*3a00.000Z~start~'2025-05-30T04*3a00*3a00.000Z~timeType~'ABSOLUTE~tz~'LOCAL~editorString~'fields*20*40timestamp*2c*20*40message*2c*20*40logStream*2c*20*40log*0a*7c*20sort*20*40timestamp*20desc*0a*7c*20limit*2010000~queryId~'66cfc23a-37bd-44b6-b0fd-dd12d4a40cdc~source~(~'arn*3aaws*3alogs*3aus-west-2*3a632745187633*3alog-group*3aprod-11155111-bonsai-prover-11155111)~lang~'CWLI)",
    );
  });

  it('reproduces the relative-range example C exactly', () => {
    const url = consoleUrl({
      region: 'us-east-1',
      range: { relativeSeconds: 3600 },
      query:
        'filter @type = "REPORT"\n| stats count(*) as invocations, sum(ispresent(@initDuration)) as coldStarts by bin(5m)',
      logGroups: ['/aws/lambda/orders-api', '/aws/lambda/payments-worker'],
    });
    expect(url).toBe(
      "https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#logsV2:logs-insights$3FqueryDetail$3D~(end~0~start~-3600~timeType~'RELATIVE~unit~'seconds~editorString~'filter*20*40type*20*3d*20*22REPORT*22*0a*7c*20stats*20count*28*2a*29*20as*20invocations*2c*20sum*28ispresent*28*40initDuration*29*29*20as*20coldStarts*20by*20bin*285m*29~source~(~'*2faws*2flambda*2forders-api~'*2faws*2flambda*2fpayments-worker))",
    );
  });

  it('drops a trailing :* from log group ARNs', () => {
    const url = consoleUrl({
      region: 'eu-west-1',
      range: { relativeSeconds: 60 },
      query: 'fields @message',
      logGroups: ['arn:aws:logs:eu-west-1:123456789012:log-group:/aws/lambda/x:*'],
    });
    expect(url).toContain("source~(~'arn*3aaws*3alogs*3aeu-west-1*3a123456789012*3alog-group*3a*2faws*2flambda*2fx)");
  });
});

describe('toJsurl', () => {
  it('encodes like JSURL v1: $ as !, Latin-1 as *hh, beyond as **hhhh UTF-16 units, empty arrays as ~(~)', () => {
    expect(toJsurl({ a: [], s: 'cost $5 ü ‼' })).toBe("~(a~(~)~s~'cost*20!5*20*fc*20**203c)");
    expect(toJsurl({ n: -3600, t: true, f: false, z: null, u: undefined })).toBe('~(n~-3600~t~true~f~false~z~null)');
    expect(toJsurl('😀')).toBe("~'**d83d**de00");
  });
});
