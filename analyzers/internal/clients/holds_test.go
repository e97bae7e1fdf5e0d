package clients

import (
	"reflect"
	"testing"
)

// TestReturnsEqual: Equal compares every field of Returns, so that the
// summary's fixpoint sees any change (a field added to Returns and
// forgotten in Equal would end the iteration early).
func TestReturnsEqual(t *testing.T) {
	typ := reflect.TypeFor[Returns]()
	for i := 0; i < typ.NumField(); i++ {
		var r Returns
		f := reflect.ValueOf(&r).Elem().Field(i)
		switch f.Kind() {
		case reflect.Bool:
			f.SetBool(true)
		case reflect.Uint64:
			f.SetUint(1)
		case reflect.Struct:
			f.Field(0).SetBool(true) // Guard.Set
		case reflect.Slice:
			f.Set(reflect.ValueOf([]Hold{{Result: 0, Path: "Transport", Param: -1}}))
		default:
			t.Fatalf("field %s of kind %s: teach this test and Equal about it", typ.Field(i).Name, f.Kind())
		}
		if r.Equal(Returns{}) || (Returns{}).Equal(r) {
			t.Errorf("Equal ignores field %s", typ.Field(i).Name)
		}
		if !r.Equal(r) {
			t.Errorf("Equal(r, r) is false with field %s set", typ.Field(i).Name)
		}
	}
	a := Returns{Holds: []Hold{{Path: "Transport", Param: -1}}}
	b := Returns{Holds: []Hold{{Path: "Transport", Param: 0}}}
	if a.Equal(b) {
		t.Error("Equal ignores the contents of Holds")
	}
}
