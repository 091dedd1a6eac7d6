module example.com/go-service

go 1.22

require golang.org/x/net v0.23.0

require (
	github.com/davecgh/go-spew v1.1.1 // indirect
	golang.org/x/text v0.14.0 // indirect
)
