package main

// A relay between MongoDB clients and FerretDB that drops the replies FerretDB must not send.
//
// A client sends an unacknowledged write (writeConcern {w: 0}) as OP_MSG with the moreToCome flag and
// reads no reply. FerretDB v1.24 replies anyway, so from then on each answer the client reads on that
// connection is the answer to its previous request: wrong documents, or errors such as "BSON element
// cursor is missing". The relay forwards every message byte for byte and only parses the framing: it
// remembers the requestID of each client message flagged moreToCome and drops the server's message
// whose responseTo names it.
//
// OP_COMPRESSED is passed through unparsed; FerretDB v1 offers no compressors, so clients never use it.
// Replies flagged moreToCome (exhaust cursors) are not treated specially; FerretDB v1 does not send them.

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
	"time"
)

const (
	headerLen   = 16       // messageLength, requestID, responseTo, opCode: int32 little-endian each
	opMsg       = 2013     // OP_MSG; its body starts with uint32 flagBits
	moreToCome  = 1 << 1   // flagBits: the sender expects no reply
	maxMsgLen   = 48 << 20 // FerretDB's limit is 48 000 000 bytes; a little headroom, then it is garbage
	bufferBytes = 64 << 10
)

// header is the standard message header of the MongoDB wire protocol.
type header struct {
	length, requestID, responseTo, opCode int32
}

func parseHeader(b []byte) header {
	le := binary.LittleEndian
	return header{
		length:     int32(le.Uint32(b[0:])),
		requestID:  int32(le.Uint32(b[4:])),
		responseTo: int32(le.Uint32(b[8:])),
		opCode:     int32(le.Uint32(b[12:])),
	}
}

// unanswered holds the requestIDs of one connection's moreToCome messages whose stray reply is still due.
// FerretDB v1 replies to every one of them, so each entry is removed again soon after it is added.
type unanswered struct {
	mu  sync.Mutex
	ids map[int32]struct{}
}

func (u *unanswered) add(id int32) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.ids == nil {
		u.ids = make(map[int32]struct{})
	}
	u.ids[id] = struct{}{}
}

// take reports whether id was remembered, and forgets it.
func (u *unanswered) take(id int32) bool {
	u.mu.Lock()
	defer u.mu.Unlock()
	_, ok := u.ids[id]
	delete(u.ids, id)
	return ok
}

// serveRelay accepts clients on l until l is closed and connects each one to FerretDB at upstream.
func serveRelay(l net.Listener, upstream string, logger *slog.Logger) {
	for {
		client, err := l.Accept()
		if errors.Is(err, net.ErrClosed) {
			return
		}
		if err != nil { // for example too many open files: wait instead of spinning
			logger.Warn("relay: accept failed", slog.Any("error", err))
			time.Sleep(100 * time.Millisecond)
			continue
		}
		go relayConn(client, upstream, logger)
	}
}

// relayConn pumps one client connection both ways; when either side ends, both are closed.
func relayConn(client net.Conn, upstream string, logger *slog.Logger) {
	defer client.Close()
	server, err := net.Dial("tcp", upstream)
	if err != nil {
		logger.Warn("relay: cannot reach FerretDB", slog.Any("error", err))
		return
	}
	defer server.Close()

	var pending unanswered
	done := make(chan error, 2)
	go func() { // client → server: remember moreToCome requests; never drop anything
		done <- pump(server, client, func(h header, flags uint32) bool {
			if h.opCode == opMsg && flags&moreToCome != 0 {
				pending.add(h.requestID)
			}
			return true
		})
	}()
	go func() { // server → client: drop the replies nobody is waiting for
		done <- pump(client, server, func(h header, _ uint32) bool { return !pending.take(h.responseTo) })
	}()

	if err := <-done; err != nil && !errors.Is(err, io.EOF) && !errors.Is(err, net.ErrClosed) {
		logger.Info("relay: connection ended", slog.Any("error", err))
	}
	client.Close() // unblocks the other pump
	server.Close()
	<-done
}

// pump copies whole messages from src to dst. keep sees each header (and an OP_MSG's flagBits, else 0)
// before the message is written, so a moreToCome request is registered before the server can answer it.
// It returns on the first read or write error, or on a message length that cannot be MongoDB framing.
func pump(dst io.Writer, src io.Reader, keep func(h header, flags uint32) bool) error {
	r := bufio.NewReaderSize(src, bufferBytes)
	w := bufio.NewWriterSize(dst, bufferBytes)
	var prefix [headerLen + 4]byte
	for {
		if _, err := io.ReadFull(r, prefix[:headerLen]); err != nil {
			return err
		}
		h := parseHeader(prefix[:])
		if h.length < headerLen || h.length > maxMsgLen {
			return fmt.Errorf("relay: message length %d is not MongoDB wire framing", h.length)
		}
		n := headerLen
		var flags uint32
		if h.opCode == opMsg && h.length >= headerLen+4 {
			if _, err := io.ReadFull(r, prefix[headerLen:]); err != nil {
				return err
			}
			n += 4
			flags = binary.LittleEndian.Uint32(prefix[headerLen:])
		}
		rest := int64(h.length) - int64(n)

		out := io.Writer(w)
		if !keep(h, flags) {
			out = io.Discard
		}
		if _, err := out.Write(prefix[:n]); err != nil {
			return err
		}
		if _, err := io.CopyN(out, r, rest); err != nil {
			return err
		}
		if err := w.Flush(); err != nil { // one message at a time: the peer may be waiting for it
			return err
		}
	}
}
