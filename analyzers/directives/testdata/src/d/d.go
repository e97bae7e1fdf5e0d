package d

func f() {
	//zombiecheck:ignore httpclient the endpoint has its own deadline
	_ = 1

	//zombiecheck:ignore httpclient/pkgfunc,respclose health probe
	_ = 2

	//zombiecheck:ignore httpclient // want `//zombiecheck:ignore httpclient has no reason: say why`
	_ = 3

	//zombiecheck:ignroe httpclient typo in the verb // want `unknown zombiecheck directive "ignroe"`
	_ = 4

	//zombiecheck:ignore bodyclose not ours // want `names no zombiecheck analyzer: bodyclose`
	_ = 5

	//zombiecheck:ignore // want `needs a target and a reason`
	_ = 6

	//zombiecheck:allow api.example.com the vendor's API
	_ = 7
}
