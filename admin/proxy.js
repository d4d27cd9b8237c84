#!/usr/bin/env node
// The web editor's local proxy: decap-server's own file-system middleware, bound to
// 127.0.0.1 only. Start it in the repository folder; /admin/ on a preview at
// 127.0.0.1 or localhost then edits the files on this computer.
//
//   node admin/proxy.js               listens on 127.0.0.1:8081 (the port /admin/ expects)
//   PORT=0 node admin/proxy.js        any free port (the tests use this)
//   GIT_REPO_DIRECTORY=/path ...      the repository folder (default: the current folder)
//
// It prints one line of JSON with the port it listens on, e.g. {"port":8081}.
"use strict";

const path = require("path");
const serverDir = path.dirname(require.resolve("decap-server/package.json"));
const express = require(require.resolve("express", { paths: [serverDir] }));
const { registerLocalFs } = require("decap-server/dist/middlewares");

async function main() {
  const app = express();
  await registerLocalFs(app, { logLevel: process.env.LOG_LEVEL || "warn" });
  const port = Number(process.env.PORT === undefined ? 8081 : process.env.PORT);
  const server = app.listen(port, "127.0.0.1", () => {
    console.log(JSON.stringify({ port: server.address().port }));
  });
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
