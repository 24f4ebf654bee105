// Package main is the Go seed of the lesson (seed 000, "Language Mechanics
// On Memory Profiling"), rebuilt from the seed text and the reference's §6
// (algOne, assembleInputStream and algTwo with the fixed make([]byte, 5))
// so that the C port in .. can be benchmarked against it on the same
// machine in the same run: see ../bench.sh.  main.go keeps the seed's line
// layout (algOne at 12, make([]byte, size) at 20, algTwo at 62,
// make([]byte, 5) at 71), so `go build -gcflags '-m -m'` prints the
// positions the lesson quotes.  Standard library only: the module must
// build offline (GOPROXY=off).
package main
