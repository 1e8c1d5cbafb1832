// A counting reverse proxy for DynamoDB: forwards every request unchanged and counts them by
// operation, table (prefix dropped) and key kind, so two builds can be compared by what they ask
// of the store per decision. Used by scripts/store-requests.sh.
//   node scripts/store-request-counter.js LISTEN_PORT TARGET_PORT REPORT_FILE
'use strict';
const http = require('http');
const fs = require('fs');

const [listenPort, targetPort, reportFile] = process.argv.slice(2);
const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });
const counts = {};
let total = 0;
let requestBytes = 0;

// "PutItem journal", "GetItem grains state|user", "TransactWriteItems x3 emails"...
function describe(target, body) {
  let name = (target || '?').replace(/^DynamoDB_\d+\./, '');
  try {
    const request = JSON.parse(body);
    const table = request.TableName
      || (request.TransactItems && Object.values(request.TransactItems[0])[0].TableName);
    if (request.TransactItems) name += ` x${request.TransactItems.length}`;
    if (table) name += ' ' + table.replace(/^.*?-/, '');
    const item = request.Key || request.Item;
    const id = item && item.id && item.id.S;
    if (id) name += ' ' + id.split(/[/#]/)[0];
  } catch { /* not JSON: counted by operation only */ }
  return name;
}

http.createServer((req, res) => {
  const chunks = [];
  req.on('data', chunk => chunks.push(chunk));
  req.on('end', () => {
    const body = Buffer.concat(chunks);
    const name = describe(req.headers['x-amz-target'], body.toString());
    counts[name] = (counts[name] || 0) + 1;
    total++;
    requestBytes += body.length;
    const upstream = http.request(
      { host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers: req.headers, agent },
      answer => { res.writeHead(answer.statusCode, answer.headers); answer.pipe(res); });
    upstream.on('error', e => { res.writeHead(502); res.end(String(e)); });
    upstream.end(body);
  });
}).listen(Number(listenPort), '127.0.0.1');

function report() {
  fs.writeFileSync(reportFile, JSON.stringify({ total, requestBytes, counts }, null, 1));
}
setInterval(report, 1000);
process.on('SIGTERM', () => { report(); process.exit(0); });
