import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../main/logging/logger';

describe('logger', () => {
  it('masks registered secrets wherever they appear, including inside errors', () => {
    const lines: string[] = [];
    const logger = createLogger((line) => lines.push(line));
    logger.addSecret('s3cr3t-value');
    logger.info('token is s3cr3t-value');
    logger.error('failed', new Error('auth with s3cr3t-value refused'));
    expect(lines.join('\n')).not.toContain('s3cr3t-value');
    expect(lines.join('\n')).toContain('[redacted]');
  });
});
