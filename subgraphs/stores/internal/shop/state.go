package shop

// State is an Indian state or union territory, spelled like users'
// GraphQL IndianState enum (KARNATAKA).
type State string

// gstCodes maps each of the 28 states and 8 union territories to the GST
// state codes a GSTIN registered there may start with. Two have a legacy
// code too: Andhra Pradesh (28 before the 2014 split, 37 after) and Dadra
// and Nagar Haveli and Daman and Diu (25 and 26 before the 2020 merger).
var gstCodes = map[State][]string{
	"JAMMU_AND_KASHMIR": {"01"}, "HIMACHAL_PRADESH": {"02"}, "PUNJAB": {"03"}, "CHANDIGARH": {"04"},
	"UTTARAKHAND": {"05"}, "HARYANA": {"06"}, "DELHI": {"07"}, "RAJASTHAN": {"08"},
	"UTTAR_PRADESH": {"09"}, "BIHAR": {"10"}, "SIKKIM": {"11"}, "ARUNACHAL_PRADESH": {"12"},
	"NAGALAND": {"13"}, "MANIPUR": {"14"}, "MIZORAM": {"15"}, "TRIPURA": {"16"},
	"MEGHALAYA": {"17"}, "ASSAM": {"18"}, "WEST_BENGAL": {"19"}, "JHARKHAND": {"20"},
	"ODISHA": {"21"}, "CHHATTISGARH": {"22"}, "MADHYA_PRADESH": {"23"}, "GUJARAT": {"24"},
	"DADRA_AND_NAGAR_HAVELI_AND_DAMAN_AND_DIU": {"26", "25"}, "MAHARASHTRA": {"27"},
	"ANDHRA_PRADESH": {"37", "28"}, "KARNATAKA": {"29"}, "GOA": {"30"}, "LAKSHADWEEP": {"31"},
	"KERALA": {"32"}, "TAMIL_NADU": {"33"}, "PUDUCHERRY": {"34"},
	"ANDAMAN_AND_NICOBAR_ISLANDS": {"35"}, "TELANGANA": {"36"}, "LADAKH": {"38"},
}

// Valid reports whether s is one of the 36 states and union territories.
func (s State) Valid() bool { return gstCodes[s] != nil }

// RegisteredIn reports whether a valid GSTIN is registered in state s (GST
// registration is per state: a store ships under its pickup state's GSTIN).
func (s State) RegisteredIn(gstin string) bool {
	for _, c := range gstCodes[s] {
		if gstin[:2] == c {
			return true
		}
	}
	return false
}
