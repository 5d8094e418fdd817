package user

// State is an Indian state or union territory, spelled like the GraphQL
// IndianState enum.
type State string

// States lists the 28 states and 8 union territories.
var states = map[State]bool{
	"ANDHRA_PRADESH": true, "ARUNACHAL_PRADESH": true, "ASSAM": true, "BIHAR": true,
	"CHHATTISGARH": true, "GOA": true, "GUJARAT": true, "HARYANA": true,
	"HIMACHAL_PRADESH": true, "JHARKHAND": true, "KARNATAKA": true, "KERALA": true,
	"MADHYA_PRADESH": true, "MAHARASHTRA": true, "MANIPUR": true, "MEGHALAYA": true,
	"MIZORAM": true, "NAGALAND": true, "ODISHA": true, "PUNJAB": true,
	"RAJASTHAN": true, "SIKKIM": true, "TAMIL_NADU": true, "TELANGANA": true,
	"TRIPURA": true, "UTTAR_PRADESH": true, "UTTARAKHAND": true, "WEST_BENGAL": true,
	// union territories
	"ANDAMAN_AND_NICOBAR_ISLANDS": true, "CHANDIGARH": true,
	"DADRA_AND_NAGAR_HAVELI_AND_DAMAN_AND_DIU": true, "DELHI": true,
	"JAMMU_AND_KASHMIR": true, "LADAKH": true, "LAKSHADWEEP": true, "PUDUCHERRY": true,
}

// Valid reports whether s is one of the 36 states and union territories.
func (s State) Valid() bool { return states[s] }
