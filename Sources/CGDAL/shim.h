#ifndef CGDAL_SHIM_H
#define CGDAL_SHIM_H
// GDAL's C API only (gdal_priv.h and ogrsf_frmts.h are C++). The include folder comes from gdal.pc.
#include <gdal.h>            // GDALAllRegister, GDALOpenEx, GDALDataset*, GDALCreate
#include <ogr_api.h>         // OGR_L_*, OGR_F_*, OGR_G_*, OGR_Fld_*, OGR_FD_*
#include <ogr_srs_api.h>     // OSR*
#include <cpl_conv.h>        // CPLSetConfigOption
#include <cpl_string.h>      // CSL* option lists, CPLRecode
#include <cpl_error.h>       // CPLGetLastErrorMsg, CPLPushErrorHandlerEx
#include <cpl_vsi.h>         // VSIFree, VSIUnlink, VSIRename
#include <ogr_recordbatch.h> // struct ArrowArrayStream / ArrowSchema / ArrowArray (OGR_L_GetArrowStream)
#endif
