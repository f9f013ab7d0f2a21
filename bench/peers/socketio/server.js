'use strict';
// Socket.IO 4.8.4 peer for the Tryst benchmark: the smallest faithful "channel" server.
//
//   node server.js --port P        (or PORT=P node server.js; --port wins; default 3000)
//
// Prints exactly one line "listening <port>" on stdout once the socket is bound, so the
// launcher can wait for readiness (with --port 0 it prints the port the OS picked).
// Binds 127.0.0.1 only: `new Server(port)` would bind every interface, so we hand it our
// own http.Server and choose the address ourselves.
//
// Protocol (Socket.IO v5 over Engine.IO v4, websocket transport only):
//   join(room: string, ack)      -> socket joins room, then ack() (client sees 43<id>[])
//   pub(room: string, payload)   -> io.to(room).emit('msg', payload): every member of the room
//                                   receives 42["msg",payload], the sender too if it is a member
// Nothing else: no auth, no persistence, no acks on pub, default in-memory adapter
// (single process, as one would deploy it without Redis).

const http = require('http');
const { Server } = require('socket.io');

function parsePort(argv, env) {
  const i = argv.indexOf('--port');
  const raw = i >= 0 ? argv[i + 1] : env.PORT !== undefined ? env.PORT : '3000';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`invalid port: ${raw}`);
    process.exit(2);
  }
  return port;
}

const port = parsePort(process.argv.slice(2), process.env);
const srv = http.createServer();
const io = new Server(srv, {
  // websocket only: the bench client speaks raw WebSocket, no HTTP long-polling handshake.
  transports: ['websocket'],
  // Explicit (these are also the 4.8.4 defaults): no compression, so every peer pays the same
  // per-byte cost, and a 1 MB frame cap.
  perMessageDeflate: false,
  maxHttpBufferSize: 1e6,
  // pingInterval 25000 / pingTimeout 20000 are left at their defaults on purpose: the idle
  // scenario measures each peer with its own default heartbeat.
});

io.on('connection', (socket) => {
  socket.on('join', (room, ack) => {
    // In-memory adapter: join() completes synchronously, so the ack really means "joined".
    if (typeof room === 'string') socket.join(room);
    if (typeof ack === 'function') ack();
  });
  socket.on('pub', (room, payload) => {
    // io.to() (not socket.to()) so the sender also gets its own message, like the other peers.
    if (typeof room === 'string') io.to(room).emit('msg', payload);
  });
});

srv.on('error', (err) => {
  console.error(`server error: ${err.message}`);
  process.exit(1);
});

srv.listen(port, '127.0.0.1', () => {
  process.stdout.write(`listening ${srv.address().port}\n`);
});

// Exit promptly on kill <pid> (SIGTERM) or Ctrl-C; open websockets would otherwise keep us alive
// while io.close() tries to say goodbye to thousands of clients.
for (const sig of ['SIGTERM', 'SIGINT']) process.on(sig, () => process.exit(0));
