module example.com/fiximport

go 1.26
