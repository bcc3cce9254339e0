#include "rules/change_kind.h"

namespace bsap::rules {

std::string_view change_kind_name(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::added:
      return "added";
    case ChangeKind::removed:
      return "removed";
    case ChangeKind::changed:
      return "changed";
  }
  return "";
}

}  // namespace bsap::rules
