// Written with the other kilns' parameter sets.
