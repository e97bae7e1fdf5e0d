package guard

import "github.com/zombiecheck/zombiecheck/guard/sockets"

// The socket inspection and its Watcher live in package guard/sockets,
// which the zombiecheck command imports without importing net (see that
// package's documentation); these are its names as guard has always
// exported them.

type (
	// State is a TCP state as the Linux kernel numbers it in /proc/net/tcp.
	State = sockets.State
	// Socket is one TCP socket of a process.
	Socket = sockets.Socket
	// Snapshot is what ReadSockets saw of one process at one moment.
	Snapshot = sockets.Snapshot
	// Group is a number of sockets that share a state and a peer.
	Group = sockets.Group
	// Watcher counts a process's sockets periodically and reports when
	// they pass a threshold.
	Watcher = sockets.Watcher
	// WatcherOptions configures a Watcher.
	WatcherOptions = sockets.WatcherOptions
	// ThresholdEvent describes one crossing of a socket or descriptor
	// threshold.
	ThresholdEvent = sockets.ThresholdEvent
)

const (
	// DefaultMaxCloseWait is the CLOSE_WAIT count a Watcher allows by
	// default.
	DefaultMaxCloseWait = sockets.DefaultMaxCloseWait
	// DefaultInterval is a Watcher's default time between scans.
	DefaultInterval = sockets.DefaultInterval
)

// The TCP states, with the kernel's numbers.
const (
	StateEstablished = sockets.StateEstablished
	StateSynSent     = sockets.StateSynSent
	StateSynRecv     = sockets.StateSynRecv
	StateFinWait1    = sockets.StateFinWait1
	StateFinWait2    = sockets.StateFinWait2
	StateTimeWait    = sockets.StateTimeWait
	StateClose       = sockets.StateClose
	StateCloseWait   = sockets.StateCloseWait
	StateLastAck     = sockets.StateLastAck
	StateListen      = sockets.StateListen
	StateClosing     = sockets.StateClosing
	StateNewSynRecv  = sockets.StateNewSynRecv
)

var (
	// ErrUnsupported is returned (wrapped) by ReadSockets and NewWatcher
	// where the process's sockets cannot be read: anywhere but Linux with
	// /proc mounted. Test for it with errors.Is.
	ErrUnsupported = sockets.ErrUnsupported
	// ErrNoProcess is returned (wrapped) by ReadSockets when the process
	// does not exist, or has exited, or its descriptors may not be read by
	// this user.
	ErrNoProcess = sockets.ErrNoProcess
)

// States returns every TCP state, in the kernel's order.
func States() []State { return sockets.States() }

// ReadSockets reads the TCP sockets and the number of open descriptors of
// process pid (0 means the calling process); see sockets.Read.
func ReadSockets(pid int) (Snapshot, error) { return sockets.Read(pid) }

// NewWatcher checks the options and that sockets can be read on this
// platform; see sockets.NewWatcher.
func NewWatcher(opts WatcherOptions) (*Watcher, error) { return sockets.NewWatcher(opts) }
