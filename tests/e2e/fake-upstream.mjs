// A stand-in for the CCM and IAM services, reached through ccm-serve's
// --upstream-override. It answers the few calls the shell makes and
// records every request so tests can see what crossed the proxy.
import http from 'node:http';

const port = Number(process.env.FAKE_UPSTREAM_PORT || 9301);
export const GOOD_TOKEN = 'MIIgood-token-for-tests';
const SLOW_TOKEN = 'MIIslow-token-for-tests';
const requests = [];

const json = (res, status, body, headers = {}) => {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};

// IAM password sign-in: one known user of account "acme".
function answerToken(res, body) {
  const auth = JSON.parse(body || '{}').auth || {};
  const user = auth.identity?.password?.user || {};
  if (user.name === 'alice' && user.password === 'correct horse' && user.domain?.name === 'acme') {
    return json(
      res,
      201,
      {
        token: {
          expires_at: '2030-01-01T00:00:00.000000Z',
          user: { id: 'u1', name: 'alice', domain: { id: '0123456789abcdef0123456789abcdef', name: 'acme' } },
        },
      },
      { 'X-Subject-Token': GOOD_TOKEN },
    );
  }
  return json(res, 401, { error: { code: 401, message: 'The username or password is wrong.', title: 'Unauthorized' } });
}

const quota = (type, used, total) => ({ quotas: { resources: [{ type, used, quota: total }] } });

http
  .createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const url = new URL(req.url, 'http://x');
      if (url.pathname === '/__requests') return json(res, 200, requests);
      if (url.pathname === '/__reset') {
        requests.length = 0;
        return json(res, 200, {});
      }
      requests.push({ method: req.method, path: url.pathname, query: url.search, headers: req.headers, body });

      if (url.pathname === '/v3/auth/tokens' && req.method === 'POST') {
        setTimeout(() => answerToken(res, body), 300);
        return;
      }

      // A "slow" token answers after 3 s, for tests that leave a view mid-request.
      if (req.headers['x-auth-token'] === SLOW_TOKEN) {
        setTimeout(() => json(res, 200, quota('CERTIFICATE_AUTHORITY', 1, 100)), 3000);
        return;
      }
      const signed = (req.headers.authorization || '').startsWith('SDK-HMAC-SHA256 ');
      if (req.headers['x-auth-token'] !== GOOD_TOKEN && !signed) {
        return json(res, 401, { error_code: 'APIGW.0301', error_msg: 'Incorrect IAM authentication information' });
      }
      if (url.pathname === '/v1/private-certificate-authorities/quotas') return json(res, 200, quota('CERTIFICATE_AUTHORITY', 25, 100));
      if (url.pathname === '/v1/private-certificates/quotas') return json(res, 200, quota('CERTIFICATE', 99990, 100000));
      return json(res, 404, { error_code: 'PCA.00030102', error_msg: 'not found' });
    });
  })
  .listen(port, '127.0.0.1', () => console.log(`fake upstream on ${port}`));
