module example.com/vetsuite
go 1.26
