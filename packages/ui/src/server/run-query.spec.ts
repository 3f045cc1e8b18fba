import { describe, expect, it } from '@jest/globals';
import { parseRunQuery, RunQueryError } from './run-query.js';

describe('parseRunQuery', () => {
  it('fills in the default page and keeps the filters given', () => {
    expect(parseRunQuery({})).toEqual({ limit: 50, offset: 0 });
    expect(parseRunQuery({ project: 'marketing', status: 'failure', limit: '500', offset: '100' })).toEqual({
      project: 'marketing',
      status: 'failure',
      limit: 500,
      offset: 100,
    });
  });

  it.each([
    [{ limit: '0' }, 'limit "0" is not an integer from 1 to 500'],
    [{ limit: '501' }, 'limit "501" is not an integer from 1 to 500'],
    [{ limit: 'ten' }, 'limit "ten" is not an integer'],
    [{ limit: '1.5' }, 'limit "1.5" is not an integer'],
    [{ limit: '' }, 'limit "" is not an integer'],
    [{ offset: '-1' }, 'offset "-1" is not an integer of at least 0'],
    [{ offset: '1e3' }, 'offset "1e3" is not an integer'],
    [{ status: 'done' }, 'status "done" is not a run status; give running, success or failure'],
    [{ status: 'SUCCESS' }, 'status "SUCCESS" is not a run status'],
    [{ project: '' }, 'project is empty'],
    [{ status: ['success', 'failure'] }, 'query parameter "status" is given more than once'],
    [{ projet: 'x' }, 'unknown query parameter "projet"; the parameters are project, status, limit, offset'],
  ])('refuses %j: %s', (query, message) => {
    expect(() => parseRunQuery(query)).toThrow(RunQueryError);
    expect(() => parseRunQuery(query)).toThrow(message);
  });
});
