module example.com/respsample

go 1.26
