import { describe, expect, it } from 'vitest';
import { buildApp } from '#infra/app-builder.ts';
import { DEFAULT_WEB_ORIGINS, parseStage, parseWebOrigins } from '#infra/stacks/stage-config.ts';
import { TEST_STAGES } from './synth.ts';

// No bundling here: these only look at how context turns into configuration.
const noBundling = { 'aws:cdk:bundling-stacks': [] };

describe('stage and origin context', () => {
  it('defaults to dev and localhost:5173', () => {
    const { config, stack } = buildApp({ context: noBundling });
    expect(config.stage).toBe('dev');
    expect(config.webOrigins).toEqual(DEFAULT_WEB_ORIGINS);
    expect(stack.stackName).toBe('MinhChung-dev');
  });

  it('reads -c stage=prod and a comma-separated webOrigins', () => {
    const { config, stack } = buildApp({
      context: {
        ...noBundling,
        stages: TEST_STAGES,
        stage: 'prod',
        webOrigins: 'https://a.minhchung.test, https://b.minhchung.test',
      },
    });
    expect(config.stage).toBe('prod');
    expect(config.webOrigins).toEqual(['https://a.minhchung.test', 'https://b.minhchung.test']);
    expect(stack.stackName).toBe('MinhChung-prod');
  });

  it('refuses unknown stages and origins with a path', () => {
    expect(() => parseStage('staging')).toThrow(/stage=dev/);
    expect(() => parseWebOrigins('https://a.example.vn/app')).toThrow(/not an origin/);
    expect(() => parseWebOrigins(['ftp://a.example.vn'])).toThrow(/not an origin/);
    expect(parseWebOrigins(['http://localhost:5173'])).toEqual(['http://localhost:5173']);
  });
});
