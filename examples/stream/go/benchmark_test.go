package main

import (
	"bytes"
	"testing"
)

func BenchmarkAlgorithmOne(b *testing.B) {
	var output bytes.Buffer
	in := assembleInputStream()
	find := []byte("elvis")
	repl := []byte("Elvis")

	b.ResetTimer()

	for i := 0; i < b.N; i++ {
		output.Reset()
		algOne(in, find, repl, &output)
	}
}

func BenchmarkAlgorithmTwo(b *testing.B) {
	var output bytes.Buffer
	in := assembleInputStream()
	find := []byte("elvis")
	repl := []byte("Elvis")

	b.ResetTimer()

	for i := 0; i < b.N; i++ {
		output.Reset()
		algTwo(in, find, repl, &output)
	}
}

// The seed's program checks its output against the expected stream; so
// does this test (the C port's stream_test checks the same literal).
func TestAlgorithms(t *testing.T) {
	want := "abcElvisaElvisabcElviseElvisaElvisaabeeeElvise l v i saa bb e l v i saa elvi\nselviElviselvielviElviselvi1elviElvisElvis"
	for name, alg := range map[string]func([]byte, []byte, []byte, *bytes.Buffer){"algOne": algOne, "algTwo": algTwo} {
		var out bytes.Buffer
		alg(assembleInputStream(), []byte("elvis"), []byte("Elvis"), &out)
		if got := out.String(); got != want {
			t.Errorf("%s:\n got %q\nwant %q", name, got, want)
		}
	}
}
