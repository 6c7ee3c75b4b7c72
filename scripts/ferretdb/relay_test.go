package main

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"sync"
	"testing"
	"testing/iotest"
	"time"

	"github.com/FerretDB/FerretDB/ferretdb"
	"go.mongodb.org/mongo-driver/bson"
)

var quiet = slog.New(slog.NewTextHandler(io.Discard, nil))

// message builds one OP_MSG with a single body section (kind 0).
func message(requestID, responseTo int32, flags uint32, doc any) []byte {
	body, err := bson.Marshal(doc)
	if err != nil {
		panic(err) // only the tests' own literal documents get here
	}
	le := binary.LittleEndian
	b := make([]byte, headerLen+5, headerLen+5+len(body))
	le.PutUint32(b[0:], uint32(len(b)+len(body)))
	le.PutUint32(b[4:], uint32(requestID))
	le.PutUint32(b[8:], uint32(responseTo))
	le.PutUint32(b[12:], opMsg)
	le.PutUint32(b[16:], flags)
	b[20] = 0
	return append(b, body...)
}

// readMsg reads one OP_MSG and returns its header and body document.
func readMsg(c net.Conn) (header, bson.Raw, error) {
	_ = c.SetReadDeadline(time.Now().Add(10 * time.Second))
	var hb [headerLen]byte
	if _, err := io.ReadFull(c, hb[:]); err != nil {
		return header{}, nil, fmt.Errorf("reading a header: %w", err)
	}
	h := parseHeader(hb[:])
	rest := make([]byte, h.length-headerLen)
	if _, err := io.ReadFull(c, rest); err != nil {
		return h, nil, fmt.Errorf("reading a body: %w", err)
	}
	if h.opCode != opMsg || len(rest) < 5 || rest[4] != 0 {
		return h, nil, fmt.Errorf("not an OP_MSG with a body section: %+v", h)
	}
	return h, bson.Raw(rest[5:]), nil
}

func readMessage(t testing.TB, c net.Conn) (header, bson.Raw) {
	t.Helper()
	h, doc, err := readMsg(c)
	if err != nil {
		t.Fatal(err)
	}
	return h, doc
}

func send(t testing.TB, c net.Conn, b []byte) {
	t.Helper()
	if _, err := c.Write(b); err != nil {
		t.Fatal(err)
	}
}

// startFerretDB runs FerretDB in-process on a free loopback port with a fresh SQLite folder.
func startFerretDB(t testing.TB) string {
	t.Helper()
	f, err := ferretdb.New(&ferretdb.Config{
		Logger:    quiet,
		Listener:  ferretdb.ListenerConfig{TCP: "127.0.0.1:0"},
		Handler:   "sqlite",
		SQLiteURL: "file:" + t.TempDir() + "/",
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { _ = f.Run(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	return f.MongoDBURI()[len("mongodb://") : len(f.MongoDBURI())-1]
}

// startRelay serves the relay on a free loopback port in front of upstream.
func startRelay(t testing.TB, upstream string) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go serveRelay(l, upstream, quiet)
	t.Cleanup(func() { l.Close() })
	return l.Addr().String()
}

func dial(t testing.TB, addr string) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// unacknowledgedDelete inserts three documents (two flagged gone), sends a delete of the gone ones the
// way the driver sends a w:0 write (moreToCome, request 2), then a find (request 3), and returns the
// next reply read after the find, as the driver would.
func unacknowledgedDelete(t *testing.T, addr string) (header, bson.Raw) {
	c := dial(t, addr)
	send(t, c, message(1, 0, 0, bson.D{
		{Key: "insert", Value: "docs"},
		{Key: "documents", Value: bson.A{
			bson.D{{Key: "_id", Value: 1}, {Key: "gone", Value: false}},
			bson.D{{Key: "_id", Value: 2}, {Key: "gone", Value: true}},
			bson.D{{Key: "_id", Value: 3}, {Key: "gone", Value: true}},
		}},
		{Key: "$db", Value: "relaytest"},
	}))
	if h, doc := readMessage(t, c); h.responseTo != 1 || doc.Lookup("n").AsInt64() != 3 {
		t.Fatalf("insert: reply to %d, %v", h.responseTo, doc)
	}
	send(t, c, message(2, 0, moreToCome, bson.D{
		{Key: "delete", Value: "docs"},
		{Key: "deletes", Value: bson.A{bson.D{{Key: "q", Value: bson.D{{Key: "gone", Value: true}}}, {Key: "limit", Value: 0}}}},
		{Key: "writeConcern", Value: bson.D{{Key: "w", Value: 0}}},
		{Key: "$db", Value: "relaytest"},
	}))
	send(t, c, message(3, 0, 0, bson.D{
		{Key: "find", Value: "docs"},
		{Key: "filter", Value: bson.D{}},
		{Key: "$db", Value: "relaytest"},
	}))
	return readMessage(t, c)
}

func TestPlainFerretDBAnswersAnUnacknowledgedWriteSoTheNextReplyIsOneBehind(t *testing.T) {
	h, doc := unacknowledgedDelete(t, startFerretDB(t))
	if h.responseTo != 2 {
		t.Fatalf("FerretDB no longer replies to moreToCome (reply to %d): the relay may be unnecessary", h.responseTo)
	}
	if _, err := doc.LookupErr("cursor"); err == nil {
		t.Fatalf("the reply read after the find should be the delete's, not a cursor: %v", doc)
	}
}

func TestThroughTheRelayTheReplyAfterAnUnacknowledgedWriteAnswersTheNextRequest(t *testing.T) {
	h, doc := unacknowledgedDelete(t, startRelay(t, startFerretDB(t)))
	if h.responseTo != 3 {
		t.Fatalf("reply to %d, want 3 (the find): %v", h.responseTo, doc)
	}
	batch, ok := doc.Lookup("cursor", "firstBatch").ArrayOK()
	if !ok {
		t.Fatalf("no cursor in the find reply: %v", doc)
	}
	if vals, _ := batch.Values(); len(vals) != 1 || vals[0].Document().Lookup("_id").AsInt64() != 1 {
		t.Fatalf("the unacknowledged delete did not take effect before the find: %v", batch)
	}
}

// fakeServer answers every OP_MSG, moreToCome or not (as FerretDB v1 does), with {re: requestID}, and
// writes each reply in 3-byte pieces so the relay must reassemble it.
func fakeServer(t testing.TB) (addr string, closed <-chan struct{}) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	ended := make(chan struct{}, 1000)
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer func() { c.Close(); ended <- struct{}{} }()
				for {
					var hb [headerLen]byte
					if _, err := io.ReadFull(c, hb[:]); err != nil {
						return
					}
					h := parseHeader(hb[:])
					if _, err := io.CopyN(io.Discard, c, int64(h.length-headerLen)); err != nil {
						return
					}
					reply := message(1000+h.requestID, h.requestID, 0, bson.D{{Key: "re", Value: h.requestID}})
					for i := 0; i < len(reply); i += 3 {
						if _, err := c.Write(reply[i:min(i+3, len(reply))]); err != nil {
							return
						}
					}
				}
			}()
		}
	}()
	return l.Addr().String(), ended
}

func TestPumpDropsOnlyTheReplyToARememberedRequestAndPassesEverythingElseByteForByte(t *testing.T) {
	a := message(1, 10, 0, bson.D{{Key: "x", Value: 1}})
	b := message(2, 11, 0, bson.D{{Key: "x", Value: 2}}) // answers the remembered request 11
	c := message(3, 12, 0, bson.D{{Key: "x", Value: 3}})
	other := make([]byte, headerLen+3) // not an OP_MSG (opCode 1 = OP_REPLY), no flagBits to read
	binary.LittleEndian.PutUint32(other, uint32(len(other)))
	binary.LittleEndian.PutUint32(other[8:], 11)
	binary.LittleEndian.PutUint32(other[12:], 1)
	stream := bytes.Join([][]byte{a, b, c, other}, nil)

	var pending unanswered
	pending.add(11)
	var out bytes.Buffer
	err := pump(&out, iotest.OneByteReader(bytes.NewReader(stream)), func(h header, _ uint32) bool {
		return !pending.take(h.responseTo)
	})
	if !errors.Is(err, io.EOF) {
		t.Fatalf("pump ended with %v, want EOF", err)
	}
	// the second reply to 11 is kept: each remembered id is dropped once
	if want := bytes.Join([][]byte{a, c, other}, nil); !bytes.Equal(out.Bytes(), want) {
		t.Fatalf("pump wrote %x\nwant %x", out.Bytes(), want)
	}
}

func TestPumpSeesTheMoreToComeFlagAndRefusesImpossibleLengths(t *testing.T) {
	var flagged []int32
	keep := func(h header, flags uint32) bool {
		if flags&moreToCome != 0 {
			flagged = append(flagged, h.requestID)
		}
		return true
	}
	stream := append(message(7, 0, moreToCome, bson.D{}), message(8, 0, 0, bson.D{})...)
	if err := pump(io.Discard, iotest.HalfReader(bytes.NewReader(stream)), keep); !errors.Is(err, io.EOF) {
		t.Fatal(err)
	}
	if len(flagged) != 1 || flagged[0] != 7 {
		t.Fatalf("moreToCome seen on %v, want [7]", flagged)
	}
	for _, length := range []uint32{0, 15, maxMsgLen + 1, 0xffffffff} {
		garbage := make([]byte, headerLen)
		binary.LittleEndian.PutUint32(garbage, length)
		if err := pump(io.Discard, bytes.NewReader(garbage), keep); err == nil || errors.Is(err, io.EOF) {
			t.Fatalf("length %d: pump ended with %v, want a framing error", length, err)
		}
	}
}

func TestRelayDropsTheStrayReplyAndReassemblesMessagesWrittenInPieces(t *testing.T) {
	upstream, _ := fakeServer(t)
	c := dial(t, startRelay(t, upstream))
	for _, m := range [][]byte{
		message(1, 0, 0, bson.D{}),
		message(2, 0, moreToCome, bson.D{{Key: "delete", Value: "x"}}),
		message(3, 0, moreToCome, bson.D{{Key: "delete", Value: "y"}}),
		message(4, 0, 0, bson.D{}),
	} {
		for i := range m { // one byte per write
			send(t, c, m[i:i+1])
		}
	}
	for _, want := range []int32{1, 4} {
		if h, doc := readMessage(t, c); h.responseTo != want || doc.Lookup("re").Int32() != want {
			t.Fatalf("reply to %d (%v), want %d", h.responseTo, doc, want)
		}
	}
}

func TestRelayClosesBothSidesWhenEitherEndsOrSendsGarbage(t *testing.T) {
	upstream, serverEnded := fakeServer(t)
	relay := startRelay(t, upstream)
	expectEOF := func(c net.Conn) {
		t.Helper()
		_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
		if _, err := c.Read(make([]byte, 1)); !errors.Is(err, io.EOF) {
			t.Fatalf("read %v, want EOF", err)
		}
	}
	waitEnded := func() {
		t.Helper()
		select {
		case <-serverEnded:
		case <-time.After(5 * time.Second):
			t.Fatal("the server side stayed open")
		}
	}

	c := dial(t, relay) // the client hangs up
	send(t, c, message(1, 0, 0, bson.D{}))
	readMessage(t, c)
	c.Close()
	waitEnded()

	c = dial(t, relay) // the client sends a length no MongoDB message has
	send(t, c, []byte{3, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0xdd, 7, 0, 0})
	expectEOF(c)
	waitEnded()

	// the server hangs up at once: the client sees EOF
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	go func() {
		if s, err := l.Accept(); err == nil {
			s.Close()
		}
	}()
	c = dial(t, startRelay(t, l.Addr().String()))
	expectEOF(c)
}

func TestRelayKeepsManyConcurrentConnectionsApart(t *testing.T) {
	upstream, _ := fakeServer(t)
	relay := startRelay(t, upstream)
	var wg sync.WaitGroup
	errs := make(chan error, 50)
	for n := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := net.Dial("tcp", relay)
			if err != nil {
				errs <- err
				return
			}
			defer c.Close()
			// pairs of (maybe moreToCome, then normal) requests: only the unflagged ones get answers
			for i := range int32(20) {
				id := int32(n)*100 + 2*i
				var flags uint32
				want := []int32{id, id + 1}
				if i%3 == 0 {
					flags, want = moreToCome, want[1:]
				}
				if _, err := c.Write(append(message(id, 0, flags, bson.D{}), message(id+1, 0, 0, bson.D{})...)); err != nil {
					errs <- err
					return
				}
				for _, w := range want {
					if h, _, err := readMsg(c); err != nil || h.responseTo != w {
						errs <- fmt.Errorf("connection %d: reply to %d (%v), want %d", n, h.responseTo, err, w)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// BenchmarkPing measures one ping round trip to in-process FerretDB, directly and through the relay.
func BenchmarkPing(b *testing.B) {
	ferret := startFerretDB(b)
	for _, bc := range []struct{ name, addr string }{
		{"direct", ferret},
		{"relay", startRelay(b, ferret)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			c := dial(b, bc.addr)
			ping := message(1, 0, 0, bson.D{{Key: "ping", Value: 1}, {Key: "$db", Value: "admin"}})
			b.ResetTimer()
			for range b.N {
				send(b, c, ping)
				readMessage(b, c)
			}
		})
	}
}
