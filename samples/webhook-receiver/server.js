// A minimal SmsGateway webhook receiver: verifies each request with the standardwebhooks package, drops repeats by
// webhook-id (the gateway delivers at least once), and answers 204 at once. Run:
//   npm install && WEBHOOK_SECRET=whsec_... PORT=8080 node server.js
const http = require("http");
const { Webhook } = require("standardwebhooks");

const secret = process.env.WEBHOOK_SECRET;
if (!secret) {
  console.error("Set WEBHOOK_SECRET to the whsec_... secret the gateway showed when the endpoint was created.");
  process.exit(2);
}

const webhook = new Webhook(secret);
const seen = new Set(); // a real receiver keeps this in its database, with its own work, in one transaction

http.createServer((req, res) => {
  if (req.method !== "POST") {
    res.writeHead(405).end();
    return;
  }

  const chunks = [];
  req.on("data", (chunk) => chunks.push(chunk));
  req.on("end", () => {
    const body = Buffer.concat(chunks).toString("utf8");
    let event;
    try {
      event = webhook.verify(body, req.headers); // the raw body, before any parsing
    } catch (e) {
      console.warn(`refused: ${e.message}`);
      res.writeHead(400).end();
      return;
    }

    const id = req.headers["webhook-id"];
    if (!seen.has(id)) {
      seen.add(id);
      const d = event.data;
      console.log(`${event.type} ${id}`, d.messageId ?? d.inboundId ?? "", d.status ?? d.from ?? "");
    }

    res.writeHead(204).end();
  });
}).listen(Number(process.env.PORT ?? 8080), () => console.log(`listening on ${process.env.PORT ?? 8080}`));
